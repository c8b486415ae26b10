--liquibase formatted sql logicalFilePath:migrations/016-webhook-events.sql

--changeset jakebuysit:016-webhook-events
--comment: provider webhook deliveries, deduplicated by (provider, event_id) so a redelivery changes nothing
CREATE TABLE webhook_events (
    id           UUID        NOT NULL DEFAULT gen_random_uuid(),
    provider     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT,
    payload      JSONB       NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    processed_at TIMESTAMPTZ,
    error        TEXT,
    CONSTRAINT webhook_events_pkey PRIMARY KEY (id),
    CONSTRAINT webhook_events_provider_event_id_key UNIQUE (provider, event_id)
);
CREATE INDEX webhook_events_unprocessed_idx ON webhook_events (received_at) WHERE processed_at IS NULL;
--rollback DROP TABLE webhook_events;
