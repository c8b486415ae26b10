package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.in.rest.AuthResource;
import com.jakebuysit.adapters.in.rest.errors.AccountExceptionMappers;
import com.jakebuysit.adapters.out.mail.LocalFileMailer;
import com.jakebuysit.adapters.out.oauth.JwksIdentityVerifier;
import com.jakebuysit.adapters.out.postgres.JdbiPasswordResetTokens;
import com.jakebuysit.adapters.out.postgres.JdbiRefreshTokens;
import com.jakebuysit.application.account.EnsureBootstrapAdmin;
import com.jakebuysit.application.account.LogIn;
import com.jakebuysit.application.account.LogOut;
import com.jakebuysit.application.account.PasswordPolicy;
import com.jakebuysit.application.account.RefreshSession;
import com.jakebuysit.application.account.RegisterUser;
import com.jakebuysit.application.account.RequestPasswordReset;
import com.jakebuysit.application.account.ResetPassword;
import com.jakebuysit.application.account.SessionIssuer;
import com.jakebuysit.application.account.SignInWithProvider;
import com.jakebuysit.application.port.IdentityVerifier;
import com.jakebuysit.application.port.Mailer;
import com.jakebuysit.application.port.PasswordResetTokens;
import com.jakebuysit.application.port.RefreshTokens;
import com.jakebuysit.bootstrap.config.AuthConfig;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.account.IdentityProvider;
import com.jakebuysit.domain.rules.TrustRules;
import io.dropwizard.core.setup.Environment;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and registers this feature's use cases and resources from the shared {@link Core}. */
final class AuthWiring {

    private static final Logger LOG = LoggerFactory.getLogger(AuthWiring.class);

    private AuthWiring() {
    }

    static void register(Core core, Environment environment) {
        AuthConfig auth = core.config().getAuth();
        RefreshTokens refreshTokens = new JdbiRefreshTokens(core.jdbi());
        PasswordResetTokens resetTokens = new JdbiPasswordResetTokens(core.jdbi());
        Mailer mailer = new LocalFileMailer(Path.of(core.config().getMail().getDirectory()),
                core.config().getMail().getFrom(), core.clock());
        PasswordPolicy policy = PasswordPolicy.standard();
        // The trust rules row is read through the rules port once it exists; its default start is 50.
        TrustScore initialTrust = TrustScore.of(TrustRules.defaults().initial());
        SessionIssuer sessions = new SessionIssuer(core.accessTokens(), refreshTokens, new SessionIssuer.Lifetimes(
                auth.getRefreshIdleLifetime().toJavaDuration(), auth.getRefreshAbsoluteLifetime().toJavaDuration()));

        ensureBootstrapAdmin(core, policy, initialTrust);

        environment.jersey().register(new AuthResource(
                new RegisterUser(core.transactor(), core.users(), core.passwordHasher(), policy, sessions,
                        core.auditLog(), initialTrust, core.clock()),
                new LogIn(core.transactor(), core.users(), core.passwordHasher(),
                        core.infrastructure().rateLimiter(),
                        new LogIn.Throttle(auth.getLoginFailuresAllowed(), auth.getLoginFailureWindow().toJavaDuration()),
                        sessions, core.auditLog(), core.clock()),
                new RefreshSession(core.transactor(), refreshTokens, core.users(), sessions, core.auditLog(),
                        core.clock()),
                new LogOut(core.transactor(), refreshTokens, core.auditLog(), core.clock()),
                new RequestPasswordReset(core.transactor(), core.users(), resetTokens, mailer,
                        core.infrastructure().rateLimiter(), core.auditLog(),
                        new RequestPasswordReset.Settings(auth.getPasswordResetLifetime().toJavaDuration(),
                                auth.getPasswordResetRequestsAllowed(), auth.getPublicBaseUrl()),
                        core.clock()),
                new ResetPassword(core.transactor(), core.users(), resetTokens, refreshTokens, core.passwordHasher(),
                        policy, core.auditLog(), core.clock()),
                new SignInWithProvider(core.transactor(), core.users(), identityVerifier(core, auth), sessions,
                        core.auditLog(), initialTrust, core.clock())));
        environment.jersey().register(new AccountExceptionMappers.AccountRefusalMapper());
        environment.jersey().register(new AccountExceptionMappers.InvalidAccountInputMapper());
    }

    /** Google and Apple, each only when its client id is set; the other's endpoint answers 401. */
    private static IdentityVerifier identityVerifier(Core core, AuthConfig auth) {
        Map<IdentityProvider, JwksIdentityVerifier.Provider> providers = new EnumMap<>(IdentityProvider.class);
        addProvider(providers, IdentityProvider.GOOGLE, auth.getGoogle());
        addProvider(providers, IdentityProvider.APPLE, auth.getApple());
        LOG.info("sign-in with: password{}", providers.keySet().stream().map(p -> ", " + p.code())
                .reduce("", String::concat));
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new JwksIdentityVerifier(providers, http, core.clock());
    }

    private static void addProvider(Map<IdentityProvider, JwksIdentityVerifier.Provider> providers,
                                    IdentityProvider provider, AuthConfig.OAuthProvider config) {
        if (config.getClientId() == null || config.getClientId().isBlank()) {
            return;
        }
        providers.put(provider, new JwksIdentityVerifier.Provider(config.getClientId().strip(),
                URI.create(config.getJwksUrl().strip()), config.getIssuers()));
    }

    /** API.md's first admin; a bad email or weak password stops the start (the message never holds the password). */
    private static void ensureBootstrapAdmin(Core core, PasswordPolicy policy, TrustScore initialTrust) {
        AuthConfig auth = core.config().getAuth();
        boolean email = auth.getBootstrapAdminEmail() != null && !auth.getBootstrapAdminEmail().isBlank();
        boolean password = auth.getBootstrapAdminPassword() != null && !auth.getBootstrapAdminPassword().isBlank();
        if (email != password) {
            LOG.warn("BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must both be set to create the first admin;"
                    + " only one is, so no admin is created");
            return;
        }
        EnsureBootstrapAdmin.Result result;
        try {
            result = new EnsureBootstrapAdmin(core.transactor(), core.users(), core.passwordHasher(), policy,
                    core.auditLog(), initialTrust, core.clock())
                    .handle(new EnsureBootstrapAdmin.Command(auth.getBootstrapAdminEmail(), auth.getBootstrapAdminPassword()));
        } catch (com.jakebuysit.application.account.InvalidAccountInput e) {
            throw new IllegalStateException("bootstrap admin: " + e.field() + " " + e.getMessage());
        }
        switch (result.outcome()) {
            case CREATED -> LOG.warn("bootstrap admin {} created (id {}) with roles user, admin; change its password"
                    + " and unset BOOTSTRAP_ADMIN_PASSWORD", auth.getBootstrapAdminEmail().strip(),
                    result.userId().map(Object::toString).orElse("?"));
            case ALREADY_EXISTS -> LOG.info("bootstrap admin: an account with the configured email exists; left as it is");
            case NOT_CONFIGURED -> LOG.debug("no bootstrap admin configured");
        }
    }
}
