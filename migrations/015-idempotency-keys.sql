--liquibase formatted sql logicalFilePath:migrations/015-idempotency-keys.sql

--changeset jakebuysit:015-idempotency-keys
--comment: Idempotency-Key records: the first request claims (scope, key) in_progress, completion stores the response to replay
CREATE TABLE idempotency_keys (
    id              UUID        NOT NULL DEFAULT gen_random_uuid(),
    scope           TEXT        NOT NULL,
    key             TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'in_progress',
    response_status INTEGER,
    response_body   JSONB,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at    TIMESTAMPTZ,
    expires_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (id),
    CONSTRAINT idempotency_keys_scope_key_key UNIQUE (scope, key),
    CONSTRAINT idempotency_keys_status_check CHECK (status IN ('in_progress', 'completed')),
    CONSTRAINT idempotency_keys_response_check CHECK (
        status = 'in_progress' OR (response_status IS NOT NULL AND completed_at IS NOT NULL)),
    CONSTRAINT idempotency_keys_response_status_check CHECK (response_status BETWEEN 100 AND 599)
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
COMMENT ON COLUMN idempotency_keys.scope IS 'whose key it is: ''user:<uuid>'' for an account, ''ip:<address>'' for an anonymous caller';
COMMENT ON COLUMN idempotency_keys.request_hash IS 'SHA-256 of method, path and body: the same key with a different request is refused, not replayed';
--rollback DROP TABLE idempotency_keys;
