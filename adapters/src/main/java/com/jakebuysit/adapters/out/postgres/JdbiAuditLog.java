package com.jakebuysit.adapters.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.port.AuditLog;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The audit log, written through the caller's open transaction so it commits with the change. */
public final class JdbiAuditLog implements AuditLog {

    private final Jdbi jdbi;
    private final ObjectMapper json;

    public JdbiAuditLog(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    @Override
    public void record(AuditEntry entry) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO audit_log (entity_type, entity_id, action, actor_id, actor_role, ip, user_agent,
                                       request_id, before, after)
                VALUES (:entityType, :entityId, :action, CAST(:actorId AS uuid), :actorRole, CAST(:ip AS inet), :userAgent,
                        :requestId, CAST(:before AS jsonb), CAST(:after AS jsonb))
                """)
                .bind("entityType", entry.entityType())
                .bind("entityId", entry.entityId())
                .bind("action", entry.action())
                .bind("actorId", entry.actor().actorId().map(UUID::fromString).orElse(null))
                .bind("actorRole", entry.actor().role())
                .bind("ip", entry.actor().ip().orElse(null))
                .bind("userAgent", entry.actor().userAgent().map(ua -> ua.length() > 512 ? ua.substring(0, 512) : ua)
                        .orElse(null))
                .bind("requestId", entry.actor().requestId().orElse(null))
                .bind("before", toJson(entry.before()))
                .bind("after", toJson(entry.after()))
                .execute());
    }

    private String toJson(Map<String, Object> snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit snapshot is not serialisable", e);
        }
    }
}
