--liquibase formatted sql logicalFilePath:migrations/003-offers.sql

--changeset jakebuysit:003-offers
--comment: an offer from photo to payment; the pipeline stores each step's result in its own column
CREATE TABLE offers (
    id                    UUID          NOT NULL DEFAULT gen_random_uuid(),
    user_id               UUID,
    anonymous_ip          INET,
    status                TEXT          NOT NULL DEFAULT 'processing',
    status_reason         TEXT,
    description           TEXT          NOT NULL DEFAULT '',
    category_hint         TEXT,
    condition_hint        TEXT,
    category              TEXT,
    subcategory           TEXT,
    brand                 TEXT,
    model                 TEXT,
    condition             TEXT,
    features              JSONB,
    damage                JSONB,
    identifiers           JSONB,
    ai_confidence         NUMERIC(4,3),
    fmv                   NUMERIC(12,2),
    fmv_confidence        NUMERIC(4,3),
    offer_amount          NUMERIC(12,2),
    offer_to_market_ratio NUMERIC(6,4),
    price_breakdown       JSONB,
    comparables           JSONB,
    identify_result       JSONB,
    market_result         JSONB,
    pricing_result        JSONB,
    voice_result          JSONB,
    jake_tier             SMALLINT,
    jake_script           TEXT,
    jake_voice_key        TEXT,
    flags                 TEXT[]        NOT NULL DEFAULT '{}'::TEXT[],
    escalated             BOOLEAN       NOT NULL DEFAULT FALSE,
    escalation_reason     TEXT,
    escalated_at          TIMESTAMPTZ,
    resolved_by           UUID,
    resolved_at           TIMESTAMPTZ,
    resolution_notes      TEXT,
    payout_method         TEXT,
    ship_address          JSONB,
    stream_token_hash     TEXT,
    expires_at            TIMESTAMPTZ,
    accepted_at           TIMESTAMPTZ,
    price_locked_until    TIMESTAMPTZ,
    first_scan_at         TIMESTAMPTZ,
    revised_amount        NUMERIC(12,2),
    revision_status       TEXT,
    revision_due_at       TIMESTAMPTZ,
    revision_answered_at  TIMESTAMPTZ,
    dispute_reason        TEXT,
    disputed_at           TIMESTAMPTZ,
    created_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version               INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT offers_pkey PRIMARY KEY (id),
    CONSTRAINT offers_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT offers_resolved_by_fkey FOREIGN KEY (resolved_by) REFERENCES users (id),
    CONSTRAINT offers_status_check CHECK (status IN (
        'processing', 'ready', 'escalated', 'rejected', 'declined', 'expired', 'accepted',
        'shipped', 'received', 'verified', 'paid', 'returned', 'disputed', 'cancelled')),
    CONSTRAINT offers_condition_hint_check CHECK (condition_hint IN ('new', 'like_new', 'good', 'fair', 'poor')),
    CONSTRAINT offers_condition_check CHECK (condition IN ('new', 'like_new', 'good', 'fair', 'poor')),
    CONSTRAINT offers_ai_confidence_check CHECK (ai_confidence BETWEEN 0 AND 1),
    CONSTRAINT offers_fmv_check CHECK (fmv >= 0),
    CONSTRAINT offers_fmv_confidence_check CHECK (fmv_confidence BETWEEN 0 AND 1),
    CONSTRAINT offers_offer_amount_check CHECK (offer_amount >= 0),
    CONSTRAINT offers_offer_to_market_ratio_check CHECK (offer_to_market_ratio >= 0),
    CONSTRAINT offers_revised_amount_check CHECK (revised_amount >= 0),
    CONSTRAINT offers_jake_tier_check CHECK (jake_tier > 0),
    CONSTRAINT offers_payout_method_check CHECK (payout_method IN ('stripe', 'paypal', 'jake_bucks')),
    CONSTRAINT offers_revision_status_check CHECK (revision_status IN (
        'pending_review', 'awaiting_seller', 'accepted', 'rejected', 'expired')),
    CONSTRAINT offers_owner_after_accept_check CHECK (
        user_id IS NOT NULL
        OR status IN ('processing', 'ready', 'escalated', 'rejected', 'declined', 'expired', 'cancelled')),
    CONSTRAINT offers_accepted_at_after_accept_check CHECK (
        accepted_at IS NOT NULL
        OR status IN ('processing', 'ready', 'escalated', 'rejected', 'declined', 'expired', 'cancelled')),
    CONSTRAINT offers_version_check CHECK (version >= 0)
);
CREATE INDEX offers_user_created_idx ON offers (user_id, created_at DESC, id DESC);
CREATE INDEX offers_status_created_idx ON offers (status, created_at DESC, id DESC);
CREATE INDEX offers_escalation_queue_idx ON offers (created_at, id) WHERE status = 'escalated';
CREATE INDEX offers_ready_expiry_idx ON offers (expires_at) WHERE status = 'ready';
CREATE INDEX offers_price_lock_idx ON offers (price_locked_until) WHERE status = 'accepted';
CREATE INDEX offers_revision_due_idx ON offers (revision_due_at) WHERE revision_status = 'awaiting_seller';
CREATE INDEX offers_accepted_at_idx ON offers (accepted_at) WHERE accepted_at IS NOT NULL;
CREATE INDEX offers_anonymous_ip_idx ON offers (anonymous_ip, created_at) WHERE anonymous_ip IS NOT NULL;
CREATE TRIGGER offers_set_updated_at BEFORE UPDATE ON offers
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON COLUMN offers.user_id IS 'NULL for an anonymous offer until the account that accepts it claims it';
COMMENT ON COLUMN offers.anonymous_ip IS 'client address of the request that created the offer (per-IP limits for anonymous sellers); INET, bind as CAST(:ip AS inet)';
COMMENT ON COLUMN offers.identify_result IS 'pipeline step 1 result; NULL = not done yet (a retried job checks it before working)';
COMMENT ON COLUMN offers.market_result IS 'pipeline step 2 result (comparables or category-default fallback); NULL = not done yet';
COMMENT ON COLUMN offers.pricing_result IS 'pipeline step 3 result; NULL = not done yet';
COMMENT ON COLUMN offers.voice_result IS 'pipeline step 4 result (script, audio key, tier); NULL = not done yet';
COMMENT ON COLUMN offers.flags IS 'reason codes the offer was flagged for (e.g. low_confidence, fraud), shown to reviewers';
COMMENT ON COLUMN offers.price_locked_until IS 'accepted_at + firstScanWithinDays: the price holds until the first carrier scan (first_scan_at), which must come before this';
COMMENT ON COLUMN offers.revision_status IS 'warehouse revision: pending_review (cut needs a reviewer) -> awaiting_seller (answer by revision_due_at) -> accepted | rejected | expired';
COMMENT ON COLUMN offers.stream_token_hash IS 'hash of the token that lets an anonymous creator open the offer stream';
--rollback DROP TABLE offers;
