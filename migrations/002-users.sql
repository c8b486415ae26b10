--liquibase formatted sql logicalFilePath:migrations/002-users.sql

--changeset jakebuysit:002-users
--comment: accounts of sellers and staff
CREATE TABLE users (
    id                        UUID          NOT NULL DEFAULT gen_random_uuid(),
    email                     TEXT          NOT NULL,
    password_hash             TEXT,
    name                      TEXT,
    phone                     TEXT,
    roles                     TEXT[]        NOT NULL DEFAULT ARRAY['user']::TEXT[],
    verified                  BOOLEAN       NOT NULL DEFAULT FALSE,
    banned                    BOOLEAN       NOT NULL DEFAULT FALSE,
    trust_score               NUMERIC(5,2)  NOT NULL DEFAULT 50,
    jake_bucks_balance        NUMERIC(12,2) NOT NULL DEFAULT 0,
    jake_bucks_debt           NUMERIC(12,2) NOT NULL DEFAULT 0,
    google_subject            TEXT,
    apple_subject             TEXT,
    payout_method             TEXT,
    payout_details_ciphertext BYTEA,
    payout_details_key_id     TEXT,
    payout_details_masked     TEXT,
    created_at                TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version                   INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_google_subject_key UNIQUE (google_subject),
    CONSTRAINT users_apple_subject_key UNIQUE (apple_subject),
    CONSTRAINT users_email_lower_check CHECK (email = lower(email) AND position('@' IN email) > 1),
    CONSTRAINT users_roles_check CHECK (
        cardinality(roles) > 0
        AND roles <@ ARRAY['user', 'reviewer', 'warehouse', 'admin']::TEXT[]),
    CONSTRAINT users_trust_score_check CHECK (trust_score BETWEEN 0 AND 100),
    CONSTRAINT users_jake_bucks_balance_check CHECK (jake_bucks_balance >= 0),
    CONSTRAINT users_jake_bucks_debt_check CHECK (jake_bucks_debt >= 0),
    CONSTRAINT users_payout_method_check CHECK (payout_method IN ('stripe', 'paypal', 'jake_bucks')),
    CONSTRAINT users_payout_details_key_check CHECK (
        payout_details_ciphertext IS NULL OR payout_details_key_id IS NOT NULL),
    CONSTRAINT users_version_check CHECK (version >= 0)
);
CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC);
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON COLUMN users.password_hash IS 'bcrypt; NULL for accounts that only sign in with Google/Apple';
COMMENT ON COLUMN users.payout_details_ciphertext IS 'AES-GCM ciphertext of the payout details; payout_details_key_id names the key, payout_details_masked is the only form ever shown';
COMMENT ON COLUMN users.jake_bucks_debt IS 'clawback that the balance could not cover; blocks further payouts while > 0';
COMMENT ON COLUMN users.version IS 'optimistic lock: UPDATE ... SET version = version + 1 WHERE id = ? AND version = ?';
--rollback DROP TABLE users;
