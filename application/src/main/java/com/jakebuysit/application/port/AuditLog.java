package com.jakebuysit.application.port;

import java.util.Map;
import java.util.Optional;

/** Append-only record of every state change, written in the same transaction as the change. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Who did something, and from where. {@code actorId} is empty for anonymous and system actions. */
    record Actor(Optional<String> actorId, String role, Optional<String> ip, Optional<String> userAgent,
                 Optional<String> requestId) {

        public static Actor system() {
            return new Actor(Optional.empty(), "system", Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * One change. {@code before} and {@code after} hold the changed fields only, never secrets
     * (no password hashes, tokens or payout details).
     */
    record AuditEntry(String entityType, String entityId, String action, Actor actor,
                      Map<String, Object> before, Map<String, Object> after) {
        public AuditEntry {
            if (entityType == null || entityId == null || action == null || actor == null) {
                throw new IllegalArgumentException("entityType, entityId, action and actor are required");
            }
            before = before == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(before));
            after = after == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(after));
        }
    }
}
