package com.jakebuysit.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Idempotency-Key records: a request claims its key before it runs, and its response is kept
 * so a retry with the same key gets that response instead of a second effect. Every call is its
 * own short transaction, committed on return, never part of the caller's: a claim must be visible
 * to concurrent requests while the work it guards is still running.
 */
public interface IdempotencyKeys {

    /**
     * Claims {@code key} in {@code scope} for a request with this hash. A live record of the key
     * answers instead; an expired one is replaced by the new claim in the same statement.
     *
     * @param now       the present: records with {@code expiresAt <= now} count as absent
     * @param expiresAt when the new claim (and the response later stored under it) expires
     */
    Claim claim(Scope scope, String key, String requestHash, Instant now, Instant expiresAt);

    /**
     * Stores the response of a claimed request. Empty when the claim is gone (abandoned,
     * expired and taken over, or cleaned up): nothing was stored.
     *
     * @param body the response body as JSON text; empty for a response without a body
     * @return the response as stored, its body as the database renders it
     */
    Optional<StoredResponse> complete(UUID claim, int status, Optional<String> body, Instant at);

    /** Deletes a claim that is still in progress, so the key is free for a retry. */
    void abandon(UUID claim);

    /** Deletes every record that has expired by {@code now}; returns how many. */
    int deleteExpired(Instant now);

    /** Whose keys these are: one account's, or one anonymous client address's. Never shared. */
    record Scope(String value) {

        public Scope {
            Objects.requireNonNull(value, "value");
            if (!value.startsWith("user:") && !value.startsWith("ip:")) {
                throw new IllegalArgumentException("scope must be user:<id> or ip:<address>");
            }
        }

        public static Scope account(String userId) {
            return new Scope("user:" + userId);
        }

        public static Scope address(String ip) {
            return new Scope("ip:" + ip);
        }
    }

    /** A response kept for replay. */
    record StoredResponse(int status, Optional<String> body) {

        public StoredResponse {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
            Objects.requireNonNull(body, "body");
        }
    }

    /** What a claim found. */
    sealed interface Claim permits Claimed, Completed, InProgress, KeyReused {
    }

    /** The key is ours: run the request, then complete or abandon this claim. */
    record Claimed(UUID id) implements Claim {
    }

    /** The same request already ran under this key: its response. */
    record Completed(StoredResponse response) implements Claim {
    }

    /** The same request is running under this key right now. */
    record InProgress() implements Claim {
    }

    /** The key was used for a different request (another hash); it is never replayed to this one. */
    record KeyReused() implements Claim {
    }
}
