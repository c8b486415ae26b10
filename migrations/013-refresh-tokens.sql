--liquibase formatted sql logicalFilePath:migrations/013-refresh-tokens.sql

--changeset jakebuysit:013-refresh-tokens
--comment: refresh tokens, stored hashed, rotated on every use; a token presented after rotation revokes its whole family
CREATE TABLE refresh_tokens (
    id              UUID        NOT NULL DEFAULT gen_random_uuid(),
    token_hash      TEXT        NOT NULL,
    user_id         UUID        NOT NULL,
    family_id       UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    idle_expires_at TIMESTAMPTZ,
    last_used_at    TIMESTAMPTZ,
    rotated_at      TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    revoked_reason  TEXT,
    replaced_by     UUID,
    CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
    CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash),
    CONSTRAINT refresh_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT refresh_tokens_replaced_by_fkey FOREIGN KEY (replaced_by) REFERENCES refresh_tokens (id)
        ON DELETE SET NULL
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
COMMENT ON COLUMN refresh_tokens.token_hash IS 'SHA-256 of the token (never the token itself)';
COMMENT ON COLUMN refresh_tokens.expires_at IS 'absolute end of the token whatever its use';
COMMENT ON COLUMN refresh_tokens.idle_expires_at IS 'end if unused: the token is dead after min(expires_at, idle_expires_at)';
--rollback DROP TABLE refresh_tokens;
