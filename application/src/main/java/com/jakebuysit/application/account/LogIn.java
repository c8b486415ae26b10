package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.application.port.AuditLog.AuditEntry;
import com.jakebuysit.application.port.PasswordHasher;
import com.jakebuysit.application.port.RateLimiter;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.account.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A person signs in with email and password.
 *
 * <p>Every refusal for a wrong email or password is the same {@code INVALID_CREDENTIALS}, and costs
 * one bcrypt comparison either way (against a decoy hash when there is no such account, or it has
 * no password), so neither the answer nor its timing says whether the email has an account.
 *
 * <p>Throttle: at most {@link Throttle#failuresAllowed} failed logins per normalised email per
 * window. Each attempt first takes one unit of the email's budget, before the password is even
 * compared, and a correct password gives it back; so concurrent guesses can never get past the
 * budget, a spent budget refuses the right password too, and successful logins cost nothing. A
 * success does not wipe earlier failures: they expire with their window.
 */
public final class LogIn {

    public static final String THROTTLE_KEY_PREFIX = "login-failures:";

    private static final String STAND_IN = "no-password-is-compared-here";

    /** {@link #toString} leaves the password out. */
    public record Command(String email, String password, Actor actor) {
        @Override
        public String toString() {
            return "LogIn.Command[email=" + email + "]";
        }
    }

    public record Throttle(int failuresAllowed, Duration window) {
        public Throttle {
            if (failuresAllowed < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a login throttle allows at least one failure in a positive window");
            }
        }
    }

    private final Transactor transactor;
    private final Users users;
    private final PasswordHasher hasher;
    private final RateLimiter limiter;
    private final Throttle throttle;
    private final SessionIssuer sessions;
    private final AuditLog audit;
    private final Clock clock;

    public LogIn(Transactor transactor, Users users, PasswordHasher hasher, RateLimiter limiter, Throttle throttle,
                 SessionIssuer sessions, AuditLog audit, Clock clock) {
        this.transactor = transactor;
        this.users = users;
        this.hasher = hasher;
        this.limiter = limiter;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws AccountRefusal {@code LOGIN_THROTTLED}, {@code INVALID_CREDENTIALS} or {@code ACCOUNT_BANNED}
     */
    public AuthSession handle(Command command) {
        String raw = command.email() == null ? "" : command.email();
        Optional<Email> email = parse(raw);
        String key = THROTTLE_KEY_PREFIX + email.map(Email::value).orElse(raw.strip().toLowerCase(Locale.ROOT));
        RateLimiter.Decision budget = limiter.acquire(key, throttle.failuresAllowed(), throttle.window());
        if (!budget.allowed()) {
            throw AccountRefusal.throttled(budget.retryAfter());
        }

        // Outside the transaction: bcrypt must not hold a pooled connection.
        Optional<User> found = email.flatMap(users::byEmail);
        Optional<String> hash = found.flatMap(User::passwordHash);
        String password = command.password() == null ? "" : command.password();
        // No stored password is empty or longer than bcrypt reads; such input still costs one comparison.
        boolean comparable = !password.isEmpty()
                && password.getBytes(StandardCharsets.UTF_8).length <= PasswordPolicy.MAX_BYTES;
        boolean matches = hasher.matches(comparable ? password : STAND_IN, hash.orElseGet(hasher::decoyHash));
        if (!matches || !comparable || hash.isEmpty()) {
            // The unit taken above stays spent: this was a failure.
            throw AccountRefusal.of(AccountRefusal.Reason.INVALID_CREDENTIALS, "Email or password is wrong");
        }
        limiter.release(key);
        User user = found.get();
        // After the password: a ban is told only to someone who knows it.
        if (user.banned()) {
            throw banned();
        }
        return transactor.inTransaction(() -> {
            Instant now = clock.instant();
            audit.record(new AuditEntry("user", user.id().toString(), "login", Actors.as(command.actor(), user),
                    Map.of(), Map.of("method", "password")));
            return sessions.start(user, now);
        });
    }

    static AccountRefusal banned() {
        return AccountRefusal.of(AccountRefusal.Reason.ACCOUNT_BANNED, "This account is suspended");
    }

    private static Optional<Email> parse(String raw) {
        try {
            return Optional.of(Email.of(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
