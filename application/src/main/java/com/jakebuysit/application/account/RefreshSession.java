package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.application.port.AuditLog.AuditEntry;
import com.jakebuysit.application.port.RefreshTokens;
import com.jakebuysit.application.port.RefreshTokens.StoredRefreshToken;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A client trades its refresh token for a new pair. The token row is locked, so of two requests
 * racing with one token exactly one rotates it; the other then finds it rotated, which is what a
 * stolen token looks like, so it is refused and the whole family revoked.
 *
 * <p>Refusals that revoke are decided inside the transaction but thrown after it commits, so the
 * revocation stays.
 */
public final class RefreshSession {

    /** {@link #toString} leaves the token out. */
    public record Command(String refreshToken, Actor actor) {
        @Override
        public String toString() {
            return "RefreshSession.Command[]";
        }
    }

    private final Transactor transactor;
    private final RefreshTokens refreshTokens;
    private final Users users;
    private final SessionIssuer sessions;
    private final AuditLog audit;
    private final Clock clock;

    public RefreshSession(Transactor transactor, RefreshTokens refreshTokens, Users users, SessionIssuer sessions,
                          AuditLog audit, Clock clock) {
        this.transactor = transactor;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws AccountRefusal {@code INVALID_TOKEN}, {@code TOKEN_REUSED}, {@code TOKEN_REVOKED},
     *     {@code TOKEN_EXPIRED} or {@code ACCOUNT_BANNED}
     */
    public AuthSession handle(Command command) {
        String hash = SecretTokens.hash(command.refreshToken() == null ? "" : command.refreshToken());
        Outcome outcome = transactor.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<StoredRefreshToken> found = refreshTokens.lockByHash(hash);
            if (found.isEmpty()) {
                return refused(AccountRefusal.Reason.INVALID_TOKEN, "The refresh token is not valid");
            }
            StoredRefreshToken token = found.get();
            if (token.rotatedAt().isPresent()) {
                int revoked = refreshTokens.revokeFamily(token.familyId(), now, "reuse");
                if (revoked > 0) {
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("familyId", token.familyId().toString());
                    after.put("revokedTokens", revoked);
                    after.put("reason", "a rotated refresh token was presented again");
                    audit.record(new AuditEntry("user", token.userId().toString(), "refresh_token_reuse",
                            command.actor(), Map.of(), after));
                }
                return refused(AccountRefusal.Reason.TOKEN_REUSED,
                        "The refresh token was already used; every session of this sign-in is revoked");
            }
            if (token.revokedAt().isPresent()) {
                return refused(AccountRefusal.Reason.TOKEN_REVOKED, "The refresh token was revoked");
            }
            if (!now.isBefore(token.expiresAt()) || !now.isBefore(token.idleExpiresAt())) {
                return refused(AccountRefusal.Reason.TOKEN_EXPIRED, "The refresh token has expired");
            }
            Optional<User> user = users.byId(token.userId());
            if (user.isEmpty()) {
                return refused(AccountRefusal.Reason.INVALID_TOKEN, "The refresh token is not valid");
            }
            if (user.get().banned()) {
                refreshTokens.revokeFamily(token.familyId(), now, "banned");
                return new Outcome(null, LogIn.banned());
            }
            return new Outcome(sessions.rotate(token, user.get(), now), null);
        });
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.session();
    }

    private static Outcome refused(AccountRefusal.Reason reason, String message) {
        return new Outcome(null, AccountRefusal.of(reason, message));
    }

    private record Outcome(AuthSession session, AccountRefusal refusal) {
    }
}
