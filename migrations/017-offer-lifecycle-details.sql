--liquibase formatted sql logicalFilePath:migrations/017-offer-lifecycle-details.sql

--changeset jakebuysit:017-offer-lifecycle-details
--comment: what the offer aggregate holds beyond 003's columns, so that every field of an offer round-trips exactly
ALTER TABLE offers
    ADD COLUMN photo_keys          TEXT[]      NOT NULL DEFAULT '{}'::TEXT[],
    ADD COLUMN escalation_reasons  TEXT[],
    ADD COLUMN resolution_action   TEXT,
    ADD COLUMN resolution_amount   NUMERIC(12,2),
    ADD COLUMN received_at         TIMESTAMPTZ,
    ADD COLUMN verification        JSONB,
    ADD COLUMN paid_at             TIMESTAMPTZ,
    ADD COLUMN dispute_from        TEXT,
    ADD COLUMN dispute_outcome     TEXT,
    ADD COLUMN dispute_resolved_at TIMESTAMPTZ,
    ADD COLUMN closed_at           TIMESTAMPTZ,
    ADD COLUMN changed_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD CONSTRAINT offers_resolution_action_check CHECK (resolution_action IN ('approve', 'custom_price', 'reject')),
    ADD CONSTRAINT offers_resolution_amount_check CHECK (resolution_amount > 0),
    ADD CONSTRAINT offers_dispute_from_check CHECK (dispute_from IN (
        'accepted', 'shipped', 'received', 'verified', 'paid', 'returned')),
    ADD CONSTRAINT offers_dispute_outcome_check CHECK (dispute_outcome IN ('seller_won', 'seller_lost')),
    ADD CONSTRAINT offers_verification_object_check CHECK (jsonb_typeof(verification) = 'object');
-- Confidences keep the exact decimal the domain made (0.85 stays 0.85, not 0.850); the range check stays.
ALTER TABLE offers
    ALTER COLUMN ai_confidence TYPE NUMERIC,
    ALTER COLUMN fmv_confidence TYPE NUMERIC;
-- The revision states of the domain (RevisionState codes) replace 003's draft vocabulary.
ALTER TABLE offers DROP CONSTRAINT offers_revision_status_check;
UPDATE offers
   SET revision_status = CASE revision_status WHEN 'pending_review' THEN 'awaiting_reviewer' ELSE 'lapsed' END
 WHERE revision_status IN ('pending_review', 'expired');
ALTER TABLE offers ADD CONSTRAINT offers_revision_status_check CHECK (revision_status IN (
    'awaiting_reviewer', 'awaiting_seller', 'regrade_requested', 'accepted', 'rejected', 'lapsed'));
-- Rows written before this changeset last changed when their row did.
UPDATE offers SET changed_at = updated_at;
CREATE INDEX offers_processing_changed_idx ON offers (changed_at) WHERE status = 'processing';
COMMENT ON COLUMN offers.photo_keys IS 'storage keys of the submitted photos, in the order the seller sent them';
COMMENT ON COLUMN offers.escalation_reasons IS 'why the offer went to a reviewer, one entry per reason; escalation_reason holds them joined for display';
COMMENT ON COLUMN offers.resolution_action IS 'the reviewer''s answer to the escalation: approve | custom_price (resolution_amount) | reject';
COMMENT ON COLUMN offers.verification IS 'the warehouse grading, its revision and re-grades used; revised_amount, revision_status and revision_due_at repeat the revision for queries';
COMMENT ON COLUMN offers.dispute_from IS 'the status the offer was disputed from and returns to when the dispute ends';
COMMENT ON COLUMN offers.closed_at IS 'when the offer ended (declined, expired, rejected, cancelled, returned); status_reason says why';
COMMENT ON COLUMN offers.changed_at IS 'the time of the last command on the offer, from the application clock; updated_at is when the row was last written';
COMMENT ON COLUMN offers.revision_status IS 'warehouse revision: awaiting_reviewer (cut needs a reviewer) -> awaiting_seller (answer by revision_due_at) -> accepted | rejected | regrade_requested | lapsed';
--rollback COMMENT ON COLUMN offers.revision_status IS 'warehouse revision: pending_review (cut needs a reviewer) -> awaiting_seller (answer by revision_due_at) -> accepted | rejected | expired';
--rollback DROP INDEX offers_processing_changed_idx;
--rollback ALTER TABLE offers DROP CONSTRAINT offers_revision_status_check;
--rollback UPDATE offers SET revision_status = CASE revision_status WHEN 'lapsed' THEN 'expired' ELSE 'pending_review' END WHERE revision_status IN ('awaiting_reviewer', 'regrade_requested', 'lapsed');
--rollback ALTER TABLE offers ADD CONSTRAINT offers_revision_status_check CHECK (revision_status IN ('pending_review', 'awaiting_seller', 'accepted', 'rejected', 'expired'));
--rollback ALTER TABLE offers ALTER COLUMN ai_confidence TYPE NUMERIC(4,3), ALTER COLUMN fmv_confidence TYPE NUMERIC(4,3);
--rollback ALTER TABLE offers DROP COLUMN photo_keys, DROP COLUMN escalation_reasons, DROP COLUMN resolution_action, DROP COLUMN resolution_amount, DROP COLUMN received_at, DROP COLUMN verification, DROP COLUMN paid_at, DROP COLUMN dispute_from, DROP COLUMN dispute_outcome, DROP COLUMN dispute_resolved_at, DROP COLUMN closed_at, DROP COLUMN changed_at;
