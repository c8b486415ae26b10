package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.application.port.AuditLog.AuditEntry;
import com.jakebuysit.application.port.RefreshTokens;
import com.jakebuysit.application.port.Transactor;
import java.time.Clock;
import java.util.Map;

/**
 * A client signs out: every token of its refresh family is revoked. An unknown token is answered
 * the same way as a known one, so logout tells nobody which tokens exist.
 */
public final class LogOut {

    /** {@link #toString} leaves the token out. */
    public record Command(String refreshToken, Actor actor) {
        @Override
        public String toString() {
            return "LogOut.Command[]";
        }
    }

    /** @param revokedTokens how many live tokens the logout ended (0 for an unknown or dead token) */
    public record Result(int revokedTokens) {
    }

    private final Transactor transactor;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    private final Clock clock;

    public LogOut(Transactor transactor, RefreshTokens refreshTokens, AuditLog audit, Clock clock) {
        this.transactor = transactor;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.clock = clock;
    }

    public Result handle(Command command) {
        String hash = SecretTokens.hash(command.refreshToken() == null ? "" : command.refreshToken());
        return transactor.inTransaction(() -> refreshTokens.lockByHash(hash).map(token -> {
            int revoked = refreshTokens.revokeFamily(token.familyId(), clock.instant(), "logout");
            if (revoked > 0) {
                audit.record(new AuditEntry("user", token.userId().toString(), "logout", command.actor(), Map.of(),
                        Map.of("familyId", token.familyId().toString(), "revokedTokens", revoked)));
            }
            return new Result(revoked);
        }).orElse(new Result(0)));
    }
}
