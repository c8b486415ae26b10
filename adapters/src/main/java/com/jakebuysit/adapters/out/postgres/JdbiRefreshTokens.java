package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.RefreshTokens;
import com.jakebuysit.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Refresh tokens in {@code refresh_tokens}, by hash only. Joins the caller's transaction when one
 * is open on the thread; {@link #lockByHash} and the revocations are only meaningful inside one.
 */
public final class JdbiRefreshTokens implements RefreshTokens {

    private static final String COLUMNS = """
            id, user_id, family_id, token_hash, created_at, expires_at, idle_expires_at, rotated_at, revoked_at
            """;

    /*
     * Revokes the live tokens (not rotated, not revoked) that match. Rotated tokens are dead
     * already and stay as they are, which also keeps this statement off the rows that reuse
     * detection and logout hold locked, so two revocations of one family cannot deadlock.
     */
    private static final String REVOKE_LIVE = """
            UPDATE refresh_tokens
               SET revoked_at = :at, revoked_reason = :reason
             WHERE <owner> = :owner AND revoked_at IS NULL AND rotated_at IS NULL
            """;

    private static final String COUNT_LIVE = """
            SELECT count(*) FROM refresh_tokens
             WHERE <owner> = :owner AND revoked_at IS NULL AND rotated_at IS NULL
            """;

    private final Jdbi jdbi;

    public JdbiRefreshTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(StoredRefreshToken token) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at,
                                            idle_expires_at, rotated_at, revoked_at)
                VALUES (:id, :userId, :familyId, :tokenHash, :createdAt, :expiresAt, :idleExpiresAt,
                        :rotatedAt, :revokedAt)
                """)
                .bind("id", token.id())
                .bind("userId", token.userId().value())
                .bind("familyId", token.familyId())
                .bind("tokenHash", token.tokenHash())
                .bind("createdAt", utc(token.createdAt()))
                .bind("expiresAt", utc(token.expiresAt()))
                .bind("idleExpiresAt", utc(token.idleExpiresAt()))
                .bind("rotatedAt", token.rotatedAt().map(JdbiRefreshTokens::utc).orElse(null))
                .bind("revokedAt", token.revokedAt().map(JdbiRefreshTokens::utc).orElse(null))
                .execute());
    }

    @Override
    public Optional<StoredRefreshToken> lockByHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + """
                  FROM refresh_tokens
                 WHERE token_hash = :tokenHash
                   FOR UPDATE
                """)
                .bind("tokenHash", tokenHash)
                .map(JdbiRefreshTokens::map)
                .findOne());
    }

    @Override
    public void markRotated(UUID id, UUID replacedBy, Instant at) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE refresh_tokens
                   SET rotated_at = :at, last_used_at = :at, replaced_by = CAST(:replacedBy AS uuid)
                 WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL
                """)
                .bind("id", id)
                .bind("replacedBy", replacedBy)
                .bind("at", utc(at))
                .execute());
        if (updated != 1) {
            throw new ConcurrentUpdate("refresh token", id.toString());
        }
    }

    @Override
    public int revokeFamily(UUID familyId, Instant at, String reason) {
        return revokeLive("family_id", familyId, at, reason);
    }

    @Override
    public int revokeAllOf(UserId userId, Instant at, String reason) {
        return revokeLive("user_id", userId.value(), at, reason);
    }

    /**
     * Repeats until a fresh look finds no live token. Under READ COMMITTED, an UPDATE that waited
     * for a concurrent rotation to commit re-checks the rotated row (now not live, so skipped) but
     * cannot see the token that rotation inserted; the next statement's snapshot does. No rotation
     * can be in flight once no committed live token is left, since a rotation needs one to lock.
     */
    private int revokeLive(String ownerColumn, UUID owner, Instant at, String reason) {
        int total = 0;
        long live;
        do {
            total += jdbi.withHandle(handle -> handle.createUpdate(REVOKE_LIVE)
                    .define("owner", ownerColumn)
                    .bind("owner", owner)
                    .bind("at", utc(at))
                    .bind("reason", reason)
                    .execute());
            live = jdbi.withHandle(handle -> handle.createQuery(COUNT_LIVE)
                    .define("owner", ownerColumn)
                    .bind("owner", owner)
                    .mapTo(Long.class)
                    .one());
        } while (live > 0);
        return total;
    }

    static StoredRefreshToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        Instant expiresAt = instant(rs, "expires_at");
        return new StoredRefreshToken(
                rs.getObject("id", UUID.class),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getObject("family_id", UUID.class),
                rs.getString("token_hash"),
                instant(rs, "created_at"),
                expiresAt,
                // A row without an idle end (none written by this service) lives to its absolute end.
                Optional.ofNullable(instant(rs, "idle_expires_at")).orElse(expiresAt),
                Optional.ofNullable(instant(rs, "rotated_at")),
                Optional.ofNullable(instant(rs, "revoked_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
