package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.AuditLog.AuditEntry;
import com.jakebuysit.application.port.PasswordHasher;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first admin: at start, when an email and a password are configured and no account has the
 * email, creates it with roles user and admin. An existing account is never touched (no role
 * granted, no password changed), so the setting cannot be used to take an account over.
 */
public final class EnsureBootstrapAdmin {

    /** Raw configuration values, either may be blank. {@link #toString} leaves the password out. */
    public record Command(String email, String password) {
        @Override
        public String toString() {
            return "EnsureBootstrapAdmin.Command[email=" + email + "]";
        }
    }

    public enum Outcome { CREATED, ALREADY_EXISTS, NOT_CONFIGURED }

    public record Result(Outcome outcome, Optional<UserId> userId) {
    }

    private final Transactor transactor;
    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final TrustScore initialTrust;
    private final Clock clock;

    public EnsureBootstrapAdmin(Transactor transactor, Users users, PasswordHasher hasher, PasswordPolicy policy,
                                AuditLog audit, TrustScore initialTrust, Clock clock) {
        this.transactor = transactor;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.initialTrust = initialTrust;
        this.clock = clock;
    }

    /** @throws InvalidAccountInput when the configured email or password is not acceptable */
    public Result handle(Command command) {
        if (blank(command.email()) || blank(command.password())) {
            return new Result(Outcome.NOT_CONFIGURED, Optional.empty());
        }
        Email email = Inputs.email(command.email());
        Optional<User> existing = users.byEmail(email);
        if (existing.isPresent()) {
            return new Result(Outcome.ALREADY_EXISTS, Optional.of(existing.get().id()));
        }
        Inputs.password(policy, "bootstrapAdminPassword", command.password());
        String hash = hasher.hash(command.password());
        try {
            return transactor.inTransaction(() -> {
                Optional<User> raced = users.byEmail(email);
                if (raced.isPresent()) {
                    return new Result(Outcome.ALREADY_EXISTS, Optional.of(raced.get().id()));
                }
                Instant now = clock.instant();
                User admin = User.register(UserId.random(), email, Optional.of(hash), "Administrator",
                        Optional.empty(), initialTrust, now).withRoles(EnumSet.of(Role.USER, Role.ADMIN));
                users.insert(admin);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("email", email.value());
                after.put("roles", List.of(Role.ADMIN.code(), Role.USER.code()));
                audit.record(new AuditEntry("user", admin.id().toString(), "bootstrap_admin_created",
                        AuditLog.Actor.system(), Map.of(), after));
                return new Result(Outcome.CREATED, Optional.of(admin.id()));
            });
        } catch (Users.EmailTaken another) {
            // Another instance starting at the same moment created it (its transaction rolled back ours).
            return new Result(Outcome.ALREADY_EXISTS, users.byEmail(email).map(User::id));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
