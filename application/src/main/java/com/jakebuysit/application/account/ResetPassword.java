package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.application.port.AuditLog.AuditEntry;
import com.jakebuysit.application.port.PasswordHasher;
import com.jakebuysit.application.port.PasswordResetTokens;
import com.jakebuysit.application.port.PasswordResetTokens.StoredResetToken;
import com.jakebuysit.application.port.RefreshTokens;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A person sets a new password with the token from their reset mail. The token works once; the
 * new password ends every session of the account (all refresh tokens revoked), so whoever knew
 * the old password is signed out too.
 */
public final class ResetPassword {

    /** {@link #toString} leaves the token and the password out. */
    public record Command(String token, String newPassword, Actor actor) {
        @Override
        public String toString() {
            return "ResetPassword.Command[]";
        }
    }

    /** @param revokedRefreshTokens how many live sessions the reset ended */
    public record Result(int revokedRefreshTokens) {
    }

    private final Transactor transactor;
    private final Users users;
    private final PasswordResetTokens resetTokens;
    private final RefreshTokens refreshTokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public ResetPassword(Transactor transactor, Users users, PasswordResetTokens resetTokens,
                         RefreshTokens refreshTokens, PasswordHasher hasher, PasswordPolicy policy, AuditLog audit,
                         Clock clock) {
        this.transactor = transactor;
        this.users = users;
        this.resetTokens = resetTokens;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws InvalidAccountInput when the new password breaks the policy (the token stays usable)
     * @throws AccountRefusal {@code INVALID_RESET_TOKEN} for an unknown, used or expired token
     */
    public Result handle(Command command) {
        Inputs.password(policy, "newPassword", command.newPassword());
        String tokenHash = SecretTokens.hash(command.token() == null ? "" : command.token());
        String passwordHash = hasher.hash(command.newPassword());
        return transactor.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<StoredResetToken> token = resetTokens.lockByHash(tokenHash).filter(t -> t.isUsable(now));
            Optional<User> user = token.flatMap(t -> users.lockById(t.userId()));
            if (user.isEmpty()) {
                throw AccountRefusal.of(AccountRefusal.Reason.INVALID_RESET_TOKEN,
                        "The reset link is not valid or has expired; ask for a new one");
            }
            users.update(user.get().withPasswordHash(passwordHash));
            resetTokens.markUsed(token.get().id(), now);
            int revoked = refreshTokens.revokeAllOf(user.get().id(), now, "password_reset");
            audit.record(new AuditEntry("user", user.get().id().toString(), "password_reset",
                    Actors.as(command.actor(), user.get()), Map.of(),
                    Map.of("resetTokenId", token.get().id().toString(), "revokedRefreshTokens", revoked)));
            return new Result(revoked);
        });
    }
}
