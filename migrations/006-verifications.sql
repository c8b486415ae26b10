--liquibase formatted sql logicalFilePath:migrations/006-verifications.sql

--changeset jakebuysit:006-verifications
--comment: the warehouse's grading of an arrived item; append-only, a re-grade is a new row pointing at the one it re-grades
CREATE TABLE verifications (
    id               UUID          NOT NULL DEFAULT gen_random_uuid(),
    offer_id         UUID          NOT NULL,
    verified_by      UUID          NOT NULL,
    condition_actual TEXT          NOT NULL,
    weight_actual    NUMERIC(10,3),
    serial_number    TEXT,
    approved         BOOLEAN       NOT NULL,
    revised_offer    NUMERIC(12,2),
    notes            TEXT,
    regrade_of       UUID,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT verifications_pkey PRIMARY KEY (id),
    CONSTRAINT verifications_offer_id_fkey FOREIGN KEY (offer_id) REFERENCES offers (id),
    CONSTRAINT verifications_verified_by_fkey FOREIGN KEY (verified_by) REFERENCES users (id),
    CONSTRAINT verifications_regrade_of_fkey FOREIGN KEY (regrade_of) REFERENCES verifications (id),
    CONSTRAINT verifications_condition_actual_check CHECK (
        condition_actual IN ('new', 'like_new', 'good', 'fair', 'poor')),
    CONSTRAINT verifications_weight_actual_check CHECK (weight_actual > 0),
    CONSTRAINT verifications_revised_offer_check CHECK (revised_offer >= 0)
);
CREATE INDEX verifications_offer_idx ON verifications (offer_id, created_at);
CREATE INDEX verifications_serial_number_idx ON verifications (serial_number) WHERE serial_number IS NOT NULL;
--rollback DROP TABLE verifications;
