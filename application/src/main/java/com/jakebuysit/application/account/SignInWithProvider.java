package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.application.port.AuditLog.AuditEntry;
import com.jakebuysit.application.port.IdentityVerifier;
import com.jakebuysit.application.port.IdentityVerifier.VerifiedIdentity;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.IdentityProvider;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A person signs in with a Google or Apple ID token.
 *
 * <ul>
 *   <li>An account already linked to the identity (provider + subject) signs in.</li>
 *   <li>Otherwise, an account with the token's email is linked to the identity only when the
 *       provider vouches for the email ({@code email_verified}); if not, {@code EMAIL_TAKEN}: an
 *       unverified email never takes over an account.</li>
 *   <li>Otherwise a new account is created, without a password, again only for a verified email.
 *       An account made from an unverified email would squat the address, and a later verified
 *       sign-in with another provider would be linked into the squatter's account.</li>
 * </ul>
 */
public final class SignInWithProvider {

    /** {@link #toString} leaves the token out. */
    public record Command(IdentityProvider provider, String idToken, Optional<String> nonce, Actor actor) {
        public Command {
            nonce = nonce == null ? Optional.empty() : nonce.filter(n -> !n.isBlank());
        }

        @Override
        public String toString() {
            return "SignInWithProvider.Command[provider=" + provider + "]";
        }
    }

    /** @param created whether this sign-in opened the account */
    public record Result(AuthSession session, boolean created) {
    }

    private final Transactor transactor;
    private final Users users;
    private final IdentityVerifier verifier;
    private final SessionIssuer sessions;
    private final AuditLog audit;
    private final TrustScore initialTrust;
    private final Clock clock;

    public SignInWithProvider(Transactor transactor, Users users, IdentityVerifier verifier, SessionIssuer sessions,
                              AuditLog audit, TrustScore initialTrust, Clock clock) {
        this.transactor = transactor;
        this.users = users;
        this.verifier = verifier;
        this.sessions = sessions;
        this.audit = audit;
        this.initialTrust = initialTrust;
        this.clock = clock;
    }

    /**
     * @throws AccountRefusal {@code INVALID_ID_TOKEN}, {@code EMAIL_TAKEN}, {@code EMAIL_NOT_VERIFIED}
     *     or {@code ACCOUNT_BANNED}
     */
    public Result handle(Command command) {
        VerifiedIdentity identity;
        try {
            // Outside the transaction: this may fetch the provider's keys over the network.
            identity = verifier.verify(command.provider(), command.idToken() == null ? "" : command.idToken(),
                    command.nonce());
        } catch (IdentityVerifier.InvalidIdentityToken e) {
            throw invalidToken();
        }
        if (identity.provider() != command.provider() || identity.subject() == null || identity.subject().isBlank()) {
            throw invalidToken();
        }
        return transactor.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<User> linked = users.byProviderSubject(identity.provider(), identity.subject());
            if (linked.isPresent()) {
                return signIn(linked.get(), command, now, false, "login", Map.of());
            }
            Email email = identity.email().flatMap(SignInWithProvider::parse).orElseThrow(() ->
                    AccountRefusal.of(AccountRefusal.Reason.EMAIL_NOT_VERIFIED,
                            "The provider did not share a verified email address"));
            Optional<User> sameEmail = users.byEmail(email);
            if (sameEmail.isPresent()) {
                return link(sameEmail.get(), identity, command, now);
            }
            if (!identity.emailVerified()) {
                throw AccountRefusal.of(AccountRefusal.Reason.EMAIL_NOT_VERIFIED,
                        "The provider has not verified this email address");
            }
            User user = User.register(UserId.random(), email, Optional.empty(), identity.name().map(Inputs::name)
                            .orElse(""), Optional.empty(), initialTrust, now)
                    .linkedTo(identity.provider(), identity.subject());
            try {
                users.insert(user);
            } catch (Users.EmailTaken raced) {
                throw RegisterUser.emailTaken();
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("email", email.value());
            after.put("roles", user.roles().stream().map(r -> r.code()).sorted().toList());
            after.put("method", identity.provider().code());
            audit.record(new AuditEntry("user", user.id().toString(), "register", Actors.as(command.actor(), user),
                    Map.of(), after));
            return new Result(sessions.start(user, now), true);
        });
    }

    private Result link(User existing, VerifiedIdentity identity, Command command, Instant now) {
        if (!identity.emailVerified()) {
            throw RegisterUser.emailTaken();
        }
        if (existing.banned()) {
            throw LogIn.banned();
        }
        String current = existing.providerSubjects().get(identity.provider());
        if (current != null && !current.equals(identity.subject())) {
            // Another identity of the same provider is linked already; one account, one identity per provider.
            throw RegisterUser.emailTaken();
        }
        User linked = users.update(existing.linkedTo(identity.provider(), identity.subject()));
        return signIn(linked, command, now, false, "identity_linked", Map.of("provider", identity.provider().code()));
    }

    private Result signIn(User user, Command command, Instant now, boolean created, String action,
                          Map<String, Object> after) {
        if (user.banned()) {
            throw LogIn.banned();
        }
        Map<String, Object> snapshot = new LinkedHashMap<>(after);
        snapshot.putIfAbsent("method", command.provider().code());
        audit.record(new AuditEntry("user", user.id().toString(), action, Actors.as(command.actor(), user), Map.of(),
                snapshot));
        return new Result(sessions.start(user, now), created);
    }

    private static AccountRefusal invalidToken() {
        return AccountRefusal.of(AccountRefusal.Reason.INVALID_ID_TOKEN, "The ID token is not valid");
    }

    private static Optional<Email> parse(String raw) {
        try {
            return Optional.of(Email.of(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
