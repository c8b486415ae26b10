--liquibase formatted sql logicalFilePath:migrations/011-config.sql

--changeset jakebuysit:011-config
--comment: business rules as JSON documents, one row per group, edited through the admin API
CREATE TABLE config (
    key         TEXT        NOT NULL,
    value       JSONB       NOT NULL,
    description TEXT        NOT NULL DEFAULT '',
    updated_by  UUID,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    version     INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT config_pkey PRIMARY KEY (key),
    CONSTRAINT config_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES users (id),
    CONSTRAINT config_value_object_check CHECK (jsonb_typeof(value) = 'object'),
    CONSTRAINT config_version_check CHECK (version >= 0)
);
CREATE TRIGGER config_set_updated_at BEFORE UPDATE ON config
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON COLUMN config.value IS 'decimals are JSON strings ("0.60") so they stay exact; counts are JSON numbers';
--rollback DROP TABLE config;
