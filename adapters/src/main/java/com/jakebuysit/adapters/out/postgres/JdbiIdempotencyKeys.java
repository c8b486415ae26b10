package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.IdempotencyKeys;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency-Key records in {@code idempotency_keys}. Each call opens a handle of its own and
 * runs in autocommit, so a claim is committed (and seen by every other request) before the work
 * it guards starts, even if the caller happens to be inside a transaction.
 */
public final class JdbiIdempotencyKeys implements IdempotencyKeys {

    /*
     * One statement claims a free key or takes over an expired record; a live record is left
     * alone (no row returned). The takeover gets a fresh id, so the old holder can neither
     * complete nor abandon the new claim.
     */
    private static final String CLAIM = """
            INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at, expires_at)
            VALUES (:scope, :key, :hash, 'in_progress', :now, :expiresAt)
            ON CONFLICT ON CONSTRAINT idempotency_keys_scope_key_key DO UPDATE
               SET id = gen_random_uuid(), request_hash = EXCLUDED.request_hash, status = 'in_progress',
                   response_status = NULL, response_body = NULL, created_at = EXCLUDED.created_at,
                   completed_at = NULL, expires_at = EXCLUDED.expires_at
             WHERE idempotency_keys.expires_at <= :now
            RETURNING id
            """;

    private static final String FIND_LIVE = """
            SELECT request_hash, status, response_status, response_body::text AS body
              FROM idempotency_keys
             WHERE scope = :scope AND key = :key AND expires_at > :now
            """;

    private static final String COMPLETE = """
            UPDATE idempotency_keys
               SET status = 'completed', response_status = :status, response_body = CAST(:body AS jsonb),
                   completed_at = :at
             WHERE id = :id AND status = 'in_progress'
            RETURNING response_status, response_body::text AS body
            """;

    private static final int DELETE_BATCH = 1000;

    /** A live record that vanished between the two statements of a claim is gone for good after this. */
    private static final int CLAIM_ATTEMPTS = 5;

    private final Jdbi jdbi;

    public JdbiIdempotencyKeys(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Claim claim(Scope scope, String key, String requestHash, Instant now, Instant expiresAt) {
        return onOwnHandle(handle -> {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                Optional<UUID> claimed = handle.createQuery(CLAIM)
                        .bind("scope", scope.value())
                        .bind("key", key)
                        .bind("hash", requestHash)
                        .bind("now", utc(now))
                        .bind("expiresAt", utc(expiresAt))
                        .mapTo(UUID.class)
                        .findOne();
                if (claimed.isPresent()) {
                    return new Claimed(claimed.get());
                }
                // Someone holds a live record; read it. It may be abandoned or swept in between:
                // then the key is free again and the next round claims it.
                Optional<Claim> existing = handle.createQuery(FIND_LIVE)
                        .bind("scope", scope.value())
                        .bind("key", key)
                        .bind("now", utc(now))
                        .map((rs, ctx) -> {
                            if (!requestHash.equals(rs.getString("request_hash"))) {
                                return (Claim) new KeyReused();
                            }
                            if (!"completed".equals(rs.getString("status"))) {
                                return new InProgress();
                            }
                            return new Completed(new StoredResponse(rs.getInt("response_status"),
                                    Optional.ofNullable(rs.getString("body"))));
                        })
                        .findOne();
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            throw new IllegalStateException("idempotency key kept changing hands: " + scope.value());
        });
    }

    @Override
    public Optional<StoredResponse> complete(UUID claim, int status, Optional<String> body, Instant at) {
        return onOwnHandle(handle -> handle.createQuery(COMPLETE)
                .bind("id", claim)
                .bind("status", status)
                .bind("body", body.orElse(null))
                .bind("at", utc(at))
                .map((rs, ctx) -> new StoredResponse(rs.getInt("response_status"),
                        Optional.ofNullable(rs.getString("body"))))
                .findOne());
    }

    @Override
    public void abandon(UUID claim) {
        onOwnHandle(handle -> handle.createUpdate(
                        "DELETE FROM idempotency_keys WHERE id = :id AND status = 'in_progress'")
                .bind("id", claim)
                .execute());
    }

    /** In batches, each its own statement, so a large backlog never holds many locks for long. */
    @Override
    public int deleteExpired(Instant now) {
        return onOwnHandle(handle -> {
            int total = 0;
            int deleted;
            do {
                deleted = handle.createUpdate("""
                        DELETE FROM idempotency_keys
                         WHERE id IN (SELECT id FROM idempotency_keys WHERE expires_at <= :now LIMIT :batch)
                        """)
                        .bind("now", utc(now))
                        .bind("batch", DELETE_BATCH)
                        .execute();
                total += deleted;
            } while (deleted == DELETE_BATCH);
            return total;
        });
    }

    private <T> T onOwnHandle(Function<Handle, T> work) {
        try (Handle handle = jdbi.open()) {
            return work.apply(handle);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
