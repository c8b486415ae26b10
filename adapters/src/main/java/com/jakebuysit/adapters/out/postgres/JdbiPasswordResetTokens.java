package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.PasswordResetTokens;
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

/** Password-reset tokens in {@code password_reset_tokens}, by hash only; joins the caller's transaction. */
public final class JdbiPasswordResetTokens implements PasswordResetTokens {

    private final Jdbi jdbi;

    public JdbiPasswordResetTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(StoredResetToken token) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO password_reset_tokens (id, user_id, token_hash, created_at, expires_at, used_at)
                VALUES (:id, :userId, :tokenHash, :createdAt, :expiresAt, :usedAt)
                """)
                .bind("id", token.id())
                .bind("userId", token.userId().value())
                .bind("tokenHash", token.tokenHash())
                .bind("createdAt", utc(token.createdAt()))
                .bind("expiresAt", utc(token.expiresAt()))
                .bind("usedAt", token.usedAt().map(JdbiPasswordResetTokens::utc).orElse(null))
                .execute());
    }

    @Override
    public Optional<StoredResetToken> lockByHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT id, user_id, token_hash, created_at, expires_at, used_at
                  FROM password_reset_tokens
                 WHERE token_hash = :tokenHash
                   FOR UPDATE
                """)
                .bind("tokenHash", tokenHash)
                .map(JdbiPasswordResetTokens::map)
                .findOne());
    }

    @Override
    public void markUsed(UUID id, Instant at) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE password_reset_tokens SET used_at = :at WHERE id = :id AND used_at IS NULL
                """)
                .bind("id", id)
                .bind("at", utc(at))
                .execute());
        if (updated != 1) {
            throw new ConcurrentUpdate("password reset token", id.toString());
        }
    }

    static StoredResetToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        OffsetDateTime usedAt = rs.getObject("used_at", OffsetDateTime.class);
        return new StoredResetToken(
                rs.getObject("id", UUID.class),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("token_hash"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(usedAt).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
