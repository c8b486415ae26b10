package com.jakebuysit.application.users;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.RefreshTokens;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.AdminChange;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin grants or takes roles, bans or unbans, or sets the trust score of an account. A ban
 * also revokes every refresh token of the account, so its sessions end at once (access tokens are
 * refused already, because the authenticator reads the banned flag on each request).
 */
public final class AdministerAccount {

    static final String BAN_REASON = "banned";

    private final Transactor transactor;
    private final Users users;
    private final RefreshTokens refreshTokens;
    private final AuditLog auditLog;
    private final Clock clock;

    public AdministerAccount(Transactor transactor, Users users, RefreshTokens refreshTokens, AuditLog auditLog,
                             Clock clock) {
        this.transactor = transactor;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** @param adminId the admin making the change, who is also {@code actor} */
    public record Command(UserId accountId, AdminChange change, UserId adminId, AuditLog.Actor actor) {
        public Command {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(adminId, "adminId");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * The account after the change; empty when there is no such account.
     *
     * @throws com.jakebuysit.domain.account.SelfLockout when the admin would drop their own admin role or ban themselves
     */
    public Optional<User> execute(Command command) {
        return transactor.inTransaction(() -> users.lockById(command.accountId()).map(before -> {
            User after = command.change().applyTo(before, command.adminId());
            AccountSnapshot.Diff diff = AccountSnapshot.diff(before, after);
            if (diff.isEmpty()) {
                return before;
            }
            User saved = users.update(after);
            auditLog.record(new AuditLog.AuditEntry("user", before.id().toString(), "admin_updated",
                    command.actor(), diff.before(), diff.after()));
            if (saved.banned() && !before.banned()) {
                refreshTokens.revokeAllOf(saved.id(), clock.instant(), BAN_REASON);
            }
            return saved;
        }));
    }
}
