package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.application.port.AuditLog.AuditEntry;
import com.jakebuysit.application.port.PasswordHasher;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A person opens an account with email and password and is signed in at once. */
public final class RegisterUser {

    /** {@link #toString} leaves the password out. */
    public record Command(String email, String password, String name, Optional<String> phone, Actor actor) {
        public Command {
            phone = phone == null ? Optional.empty() : phone;
        }

        @Override
        public String toString() {
            return "RegisterUser.Command[email=" + email + "]";
        }
    }

    private final Transactor transactor;
    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionIssuer sessions;
    private final AuditLog audit;
    private final TrustScore initialTrust;
    private final Clock clock;

    public RegisterUser(Transactor transactor, Users users, PasswordHasher hasher, PasswordPolicy policy,
                        SessionIssuer sessions, AuditLog audit, TrustScore initialTrust, Clock clock) {
        this.transactor = transactor;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.audit = audit;
        this.initialTrust = initialTrust;
        this.clock = clock;
    }

    /**
     * @throws InvalidAccountInput for a bad email, a weak password, a bad name or phone
     * @throws AccountRefusal {@code EMAIL_TAKEN} when another account has the email
     */
    public AuthSession handle(Command command) {
        Email email = Inputs.email(command.email());
        Inputs.password(policy, "password", command.password());
        String name = Inputs.name(command.name());
        Optional<String> phone = Inputs.phone(command.phone());
        // bcrypt before the transaction: no pooled connection is held for its ~100 ms.
        String hash = hasher.hash(command.password());
        return transactor.inTransaction(() -> {
            if (users.byEmail(email).isPresent()) {
                throw emailTaken();
            }
            Instant now = clock.instant();
            User user = User.register(UserId.random(), email, Optional.of(hash), name, phone, initialTrust, now);
            try {
                users.insert(user);
            } catch (Users.EmailTaken raced) {
                throw emailTaken();
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("email", email.value());
            after.put("roles", user.roles().stream().map(r -> r.code()).sorted().toList());
            after.put("method", "password");
            audit.record(new AuditEntry("user", user.id().toString(), "register", Actors.as(command.actor(), user),
                    Map.of(), after));
            return sessions.start(user, now);
        });
    }

    static AccountRefusal emailTaken() {
        return AccountRefusal.of(AccountRefusal.Reason.EMAIL_TAKEN, "An account with this email already exists");
    }
}
