--liquibase formatted sql logicalFilePath:migrations/009-fraud-checks.sql

--changeset jakebuysit:009-fraud-checks
--comment: the outcome of each fraud rule run, with the facts it saw and its reasons
CREATE TABLE fraud_checks (
    id         UUID        NOT NULL DEFAULT gen_random_uuid(),
    offer_id   UUID,
    user_id    UUID,
    check_type TEXT        NOT NULL,
    result     TEXT        NOT NULL,
    score      NUMERIC,
    reasons    JSONB       NOT NULL DEFAULT '[]'::JSONB,
    facts      JSONB       NOT NULL DEFAULT '{}'::JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT fraud_checks_pkey PRIMARY KEY (id),
    CONSTRAINT fraud_checks_offer_id_fkey FOREIGN KEY (offer_id) REFERENCES offers (id),
    CONSTRAINT fraud_checks_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fraud_checks_result_check CHECK (result IN ('pass', 'flag', 'escalate', 'reject'))
);
CREATE INDEX fraud_checks_offer_idx ON fraud_checks (offer_id) WHERE offer_id IS NOT NULL;
CREATE INDEX fraud_checks_user_created_idx ON fraud_checks (user_id, created_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX fraud_checks_result_created_idx ON fraud_checks (result, created_at DESC, id DESC);
CREATE INDEX fraud_checks_created_idx ON fraud_checks (created_at DESC, id DESC);
--rollback DROP TABLE fraud_checks;
