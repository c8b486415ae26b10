package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.application.port.AuditLog.AuditEntry;
import com.jakebuysit.application.port.Mailer;
import com.jakebuysit.application.port.PasswordResetTokens;
import com.jakebuysit.application.port.PasswordResetTokens.StoredResetToken;
import com.jakebuysit.application.port.RateLimiter;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A person who forgot their password asks for a reset link by email. The caller always gets the
 * same answer: whether a mail went out (the account exists, is not banned, has not asked too often)
 * is known only to the mailbox.
 */
public final class RequestPasswordReset {

    public static final String THROTTLE_KEY_PREFIX = "password-reset-requests:";

    public record Command(String email, Actor actor) {
    }

    /**
     * @param lifetime how long a reset link works (30 minutes)
     * @param requestsAllowed mails per email address per {@code lifetime}, so nobody can flood a mailbox
     * @param linkBase the public address of the app; the link is {@code linkBase + "/reset-password?token=…"}
     */
    public record Settings(Duration lifetime, int requestsAllowed, String linkBase) {
        public Settings {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || requestsAllowed < 1
                    || linkBase == null || linkBase.isBlank()) {
                throw new IllegalArgumentException("a positive lifetime, at least one request and a link base are required");
            }
            linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        }
    }

    /** Nothing the caller may see: the answer is the same either way. */
    public record Result() {
    }

    private static final System.Logger LOG = System.getLogger(RequestPasswordReset.class.getName());

    private final Transactor transactor;
    private final Users users;
    private final PasswordResetTokens resetTokens;
    private final Mailer mailer;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final Settings settings;
    private final Clock clock;

    public RequestPasswordReset(Transactor transactor, Users users, PasswordResetTokens resetTokens, Mailer mailer,
                                RateLimiter limiter, AuditLog audit, Settings settings, Clock clock) {
        this.transactor = transactor;
        this.users = users;
        this.resetTokens = resetTokens;
        this.mailer = mailer;
        this.limiter = limiter;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** @throws InvalidAccountInput when the email is not an email address at all */
    public Result handle(Command command) {
        Email email = Inputs.email(command.email());
        // Counted for every address, known or not, before the lookup: the answer (and, with the
        // limiter down, the failure) is then the same whether or not the email has an account.
        boolean allowed = limiter.acquire(THROTTLE_KEY_PREFIX + email.value(), settings.requestsAllowed(),
                settings.lifetime()).allowed();
        Optional<Mailer.Message> message = !allowed ? Optional.empty() : transactor.inTransaction(() -> {
            Optional<User> user = users.byEmail(email).filter(u -> !u.banned());
            if (user.isEmpty()) {
                return Optional.<Mailer.Message>empty();
            }
            Instant now = clock.instant();
            String token = SecretTokens.newToken();
            UUID id = UUID.randomUUID();
            resetTokens.insert(new StoredResetToken(id, user.get().id(), SecretTokens.hash(token), now,
                    now.plus(settings.lifetime()), Optional.empty()));
            audit.record(new AuditEntry("user", user.get().id().toString(), "password_reset_requested",
                    command.actor(), Map.of(), Map.of("resetTokenId", id.toString(),
                            "expiresAt", now.plus(settings.lifetime()).toString())));
            return Optional.of(message(email, token));
        });
        // After the commit, so the link works when it arrives; a mail failure must not change the answer.
        message.ifPresent(mail -> {
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "could not send a password reset mail: " + e.getClass().getName());
            }
        });
        return new Result();
    }

    private Mailer.Message message(Email to, String token) {
        long minutes = settings.lifetime().toMinutes();
        String link = settings.linkBase() + "/reset-password?token=" + token;
        String text = """
                Hi,

                someone (hopefully you) asked to reset the password of your JakeBuysIt account.
                Open this link within %d minutes to choose a new password:

                %s

                The link works once. If you did not ask for it, ignore this mail: your password stays as it is.

                Jake
                """.formatted(minutes, link);
        return new Mailer.Message(to, "Reset your JakeBuysIt password", text);
    }
}
