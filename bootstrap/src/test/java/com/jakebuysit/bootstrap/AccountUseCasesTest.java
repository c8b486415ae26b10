package com.jakebuysit.bootstrap;

import com.jakebuysit.domain.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.adapters.out.crypto.BcryptPasswordHasher;
import com.jakebuysit.adapters.out.jwt.JwtAccessTokens;
import com.jakebuysit.adapters.out.mail.LocalFileMailer;
import com.jakebuysit.adapters.out.memory.InMemoryRateLimiter;
import com.jakebuysit.adapters.out.postgres.JdbiAuditLog;
import com.jakebuysit.adapters.out.postgres.JdbiPasswordResetTokens;
import com.jakebuysit.adapters.out.postgres.JdbiRefreshTokens;
import com.jakebuysit.adapters.out.postgres.JdbiTransactor;
import com.jakebuysit.adapters.out.postgres.JdbiUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.account.AccountRefusal;
import com.jakebuysit.application.account.AuthSession;
import com.jakebuysit.application.account.EnsureBootstrapAdmin;
import com.jakebuysit.application.account.InvalidAccountInput;
import com.jakebuysit.application.account.LogIn;
import com.jakebuysit.application.account.LogOut;
import com.jakebuysit.application.account.PasswordPolicy;
import com.jakebuysit.application.account.RefreshSession;
import com.jakebuysit.application.account.RegisterUser;
import com.jakebuysit.application.account.RequestPasswordReset;
import com.jakebuysit.application.account.ResetPassword;
import com.jakebuysit.application.account.SecretTokens;
import com.jakebuysit.application.account.SessionIssuer;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account use cases where time matters, on the real PostgreSQL through the real adapters,
 * with a clock the test moves: idle and absolute refresh expiry, reset-link expiry, the
 * bootstrap admin run twice, and the cost of a login for an email that has no account.
 */
class AccountUseCasesTest {

    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration IDLE = Duration.ofDays(7);
    private static final Duration ABSOLUTE = Duration.ofDays(30);
    private static final String PASSWORD = "correct horse battery staple";
    private static final Actor ACTOR = new Actor(Optional.empty(), "anonymous", Optional.of("203.0.113.7"),
            Optional.of("test"), Optional.of("req-1"));

    private static TestDatabase db;
    private static MutableClock clock;
    private static JdbiUsers users;
    private static JdbiRefreshTokens refreshTokens;
    private static JdbiTransactor transactor;
    private static BcryptPasswordHasher hasher;
    private static JdbiAuditLog audit;
    private static RegisterUser register;
    private static RefreshSession refresh;

    @TempDir
    static Path mail;

    @BeforeAll
    static void wire() {
        db = TestDatabase.migrated("accountusecases");
        clock = new MutableClock(START);
        users = new JdbiUsers(db.jdbi());
        refreshTokens = new JdbiRefreshTokens(db.jdbi());
        transactor = new JdbiTransactor(db.jdbi());
        hasher = new BcryptPasswordHasher(10);
        audit = new JdbiAuditLog(db.jdbi(), new ObjectMapper());
        SessionIssuer sessions = new SessionIssuer(new JwtAccessTokens(
                TestSupport.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "jakebuysit", "jakebuysit-api",
                Duration.ofMinutes(15)), refreshTokens, new SessionIssuer.Lifetimes(IDLE, ABSOLUTE));
        register = new RegisterUser(transactor, users, hasher, PasswordPolicy.standard(), sessions, audit,
                TrustScore.of(50), clock);
        refresh = new RefreshSession(transactor, refreshTokens, users, sessions, audit, clock);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void aRefreshTokenDiesAfterSevenIdleDaysAndEachRotationRestartsTheCount() {
        clock.set(START);
        AuthSession signedIn = register(unique("idle"));
        assertThat(signedIn.refreshTokenExpiresAt()).isEqualTo(START.plus(IDLE));

        clock.advance(IDLE.minusSeconds(1));
        AuthSession rotated = refresh(signedIn.refreshToken());
        assertThat(rotated.refreshTokenExpiresAt()).isEqualTo(clock.instant().plus(IDLE));

        clock.advance(IDLE.minusSeconds(1));
        AuthSession again = refresh(rotated.refreshToken());

        clock.advance(IDLE);
        assertRefused(() -> refresh(again.refreshToken()), AccountRefusal.Reason.TOKEN_EXPIRED);
    }

    @Test
    void aFamilyEndsThirtyDaysAfterSignInHoweverOftenItRotates() {
        clock.set(START);
        AuthSession session = register(unique("absolute"));
        for (int day = 6; day <= 24; day += 6) {
            clock.set(START.plus(Duration.ofDays(day)));
            session = refresh(session.refreshToken());
        }
        // Rotated on day 24: idle would end on day 31, the family ends on day 30.
        assertThat(session.refreshTokenExpiresAt()).isEqualTo(START.plus(ABSOLUTE));

        clock.set(START.plus(ABSOLUTE).minusSeconds(1));
        AuthSession last = refresh(session.refreshToken());
        assertThat(last.refreshTokenExpiresAt()).isEqualTo(START.plus(ABSOLUTE));

        clock.set(START.plus(ABSOLUTE));
        assertRefused(() -> refresh(last.refreshToken()), AccountRefusal.Reason.TOKEN_EXPIRED);
    }

    @Test
    void aResetLinkWorksForThirtyMinutesOnly() throws IOException {
        clock.set(START);
        String email = unique("resetclock");
        register(email);
        RequestPasswordReset request = new RequestPasswordReset(transactor, users, new JdbiPasswordResetTokens(db.jdbi()),
                new LocalFileMailer(mail, "test@jakebuysit.test", clock), new InMemoryRateLimiter(clock), audit,
                new RequestPasswordReset.Settings(Duration.ofMinutes(30), 3, "https://app.test"), clock);
        ResetPassword reset = new ResetPassword(transactor, users, new JdbiPasswordResetTokens(db.jdbi()), refreshTokens,
                hasher, PasswordPolicy.standard(), audit, clock);

        request.handle(new RequestPasswordReset.Command(email, ACTOR));
        String late = lastToken(email);
        clock.advance(Duration.ofMinutes(30));
        assertRefused(() -> reset.handle(new ResetPassword.Command(late, "a new good passphrase", ACTOR)),
                AccountRefusal.Reason.INVALID_RESET_TOKEN);

        request.handle(new RequestPasswordReset.Command(email, ACTOR));
        String inTime = lastToken(email);
        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(reset.handle(new ResetPassword.Command(inTime, "a new good passphrase", ACTOR)).revokedRefreshTokens())
                .isEqualTo(1);
    }

    @Test
    void theBootstrapAdminIsCreatedOnceAndAnExistingAccountIsNeverPromoted() {
        clock.set(START);
        EnsureBootstrapAdmin ensure = new EnsureBootstrapAdmin(transactor, users, hasher, PasswordPolicy.standard(),
                audit, TrustScore.of(50), clock);
        String email = unique("root");

        EnsureBootstrapAdmin.Result first = ensure.handle(new EnsureBootstrapAdmin.Command(email, PASSWORD));
        EnsureBootstrapAdmin.Result second = ensure.handle(new EnsureBootstrapAdmin.Command(email, "another passphrase!"));

        assertThat(first.outcome()).isEqualTo(EnsureBootstrapAdmin.Outcome.CREATED);
        assertThat(second.outcome()).isEqualTo(EnsureBootstrapAdmin.Outcome.ALREADY_EXISTS);
        User admin = users.byEmail(Email.of(email)).orElseThrow();
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
        assertThat(hasher.matches(PASSWORD, admin.passwordHash().orElseThrow())).isTrue();

        String seller = unique("seller");
        register(seller);
        assertThat(ensure.handle(new EnsureBootstrapAdmin.Command(seller, PASSWORD)).outcome())
                .isEqualTo(EnsureBootstrapAdmin.Outcome.ALREADY_EXISTS);
        assertThat(users.byEmail(Email.of(seller)).orElseThrow().roles()).containsExactly(Role.USER);
    }

    @Test
    void theBootstrapAdminNeedsBothSettingsAndAGoodPassword() {
        EnsureBootstrapAdmin ensure = new EnsureBootstrapAdmin(transactor, users, hasher, PasswordPolicy.standard(),
                audit, TrustScore.of(50), clock);

        assertThat(ensure.handle(new EnsureBootstrapAdmin.Command("", PASSWORD)).outcome())
                .isEqualTo(EnsureBootstrapAdmin.Outcome.NOT_CONFIGURED);
        assertThat(ensure.handle(new EnsureBootstrapAdmin.Command(unique("x"), null)).outcome())
                .isEqualTo(EnsureBootstrapAdmin.Outcome.NOT_CONFIGURED);
        String weak = unique("weakadmin");
        assertThatThrownBy(() -> ensure.handle(new EnsureBootstrapAdmin.Command(weak, "admin")))
                .isInstanceOf(InvalidAccountInput.class).hasMessageNotContaining("admin\"");
        assertThatThrownBy(() -> ensure.handle(new EnsureBootstrapAdmin.Command("not-an-email", PASSWORD)))
                .isInstanceOf(InvalidAccountInput.class);
        assertThat(users.byEmail(Email.of(weak))).isEmpty();
    }

    @Test
    void logoutWithATokenNobodyIssuedRevokesNothing() {
        LogOut logOut = new LogOut(transactor, refreshTokens, audit, clock);

        assertThat(logOut.handle(new LogOut.Command(SecretTokens.newToken(), ACTOR)).revokedTokens()).isZero();
    }

    @Test
    void aLoginForAnEmailWithoutAnAccountCostsAboutAsMuchAsAWrongPassword() {
        clock.set(START);
        String email = unique("timing");
        register(email);
        String oauthOnly = unique("timingoauth");
        users.insert(User.register(com.jakebuysit.domain.UserId.random(), Email.of(oauthOnly), Optional.empty(), "",
                Optional.empty(), TrustScore.of(50), START));
        // A generous budget: this test measures time, not the throttle.
        LogIn logIn = new LogIn(transactor, users, hasher, new InMemoryRateLimiter(clock),
                new LogIn.Throttle(1000, Duration.ofMinutes(15)), new SessionIssuer(new JwtAccessTokens(
                TestSupport.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "i", "a", Duration.ofMinutes(15)),
                refreshTokens, new SessionIssuer.Lifetimes(IDLE, ABSOLUTE)), audit, clock);

        for (int warmUp = 0; warmUp < 3; warmUp++) {
            time(() -> logIn.handle(new LogIn.Command(email, "wrong passphrase", ACTOR)));
        }
        long wrongPassword = median(() -> logIn.handle(new LogIn.Command(email, "wrong passphrase", ACTOR)));
        long unknownEmail = median(() -> logIn.handle(new LogIn.Command(unique("nobody"), "wrong passphrase", ACTOR)));
        long noPassword = median(() -> logIn.handle(new LogIn.Command(oauthOnly, "wrong passphrase", ACTOR)));

        // Without the decoy comparison an unknown email answers in well under a millisecond.
        assertThat(unknownEmail).isGreaterThan(wrongPassword / 3);
        assertThat(noPassword).isGreaterThan(wrongPassword / 3);
    }

    private static long median(Runnable refusedLogin) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            times.add(time(refusedLogin));
        }
        Collections.sort(times);
        return times.get(2);
    }

    private static long time(Runnable refusedLogin) {
        long start = System.nanoTime();
        assertThatThrownBy(refusedLogin::run).isInstanceOf(AccountRefusal.class)
                .extracting(e -> ((AccountRefusal) e).reason()).isEqualTo(AccountRefusal.Reason.INVALID_CREDENTIALS);
        return System.nanoTime() - start;
    }

    private static AuthSession register(String email) {
        return register.handle(new RegisterUser.Command(email, PASSWORD, "Clocked", Optional.empty(), ACTOR));
    }

    private static AuthSession refresh(String token) {
        return refresh.handle(new RefreshSession.Command(token, ACTOR));
    }

    private static void assertRefused(Supplier<?> call, AccountRefusal.Reason reason) {
        assertThatThrownBy(call::get).isInstanceOf(AccountRefusal.class)
                .extracting(e -> ((AccountRefusal) e).reason()).isEqualTo(reason);
    }

    private static String lastToken(String email) throws IOException {
        try (Stream<Path> files = Files.list(mail)) {
            String text = files.filter(f -> f.toString().endsWith(".eml")).sorted().map(AccountUseCasesTest::read)
                    .filter(t -> t.contains("To: " + email + "\r\n")).reduce((a, b) -> b).orElseThrow();
            Matcher matcher = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(text);
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
