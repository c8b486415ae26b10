--liquibase formatted sql logicalFilePath:migrations/010-audit-log.sql

--changeset jakebuysit:010-audit-log
--comment: who changed what, with before/after snapshots, written in the same transaction as the change
CREATE TABLE audit_log (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    actor_id    UUID,
    actor_role  TEXT,
    ip          INET,
    user_agent  TEXT,
    request_id  TEXT,
    before      JSONB,
    after       JSONB,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, created_at DESC, id DESC);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, created_at DESC) WHERE actor_id IS NOT NULL;
COMMENT ON COLUMN audit_log.id IS 'identity: insertion order, also among rows of one transaction (which share created_at)';
COMMENT ON COLUMN audit_log.entity_id IS 'TEXT because not every entity has a UUID (config rows are keyed by name)';
COMMENT ON COLUMN audit_log.actor_id IS 'the acting user; NULL for the system (jobs, webhooks) and anonymous sellers. No foreign key: the log outlives what it describes';
--rollback DROP TABLE audit_log;
