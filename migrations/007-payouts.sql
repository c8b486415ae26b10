--liquibase formatted sql logicalFilePath:migrations/007-payouts.sql

--changeset jakebuysit:007-payouts
--comment: money leaving for a sale (Stripe, PayPal) or credited as Jake Bucks; at most one live payout per offer
CREATE TABLE payouts (
    id                 UUID          NOT NULL DEFAULT gen_random_uuid(),
    offer_id           UUID          NOT NULL,
    user_id            UUID          NOT NULL,
    method             TEXT          NOT NULL,
    amount             NUMERIC(12,2) NOT NULL,
    bonus_amount       NUMERIC(12,2) NOT NULL DEFAULT 0,
    status             TEXT          NOT NULL DEFAULT 'pending',
    hold_reason        TEXT,
    provider           TEXT,
    provider_reference TEXT,
    attempts           INTEGER       NOT NULL DEFAULT 0,
    last_error         TEXT,
    next_attempt_at    TIMESTAMPTZ,
    due_by             TIMESTAMPTZ,
    sent_at            TIMESTAMPTZ,
    paid_at            TIMESTAMPTZ,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version            INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT payouts_pkey PRIMARY KEY (id),
    CONSTRAINT payouts_offer_id_fkey FOREIGN KEY (offer_id) REFERENCES offers (id),
    CONSTRAINT payouts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT payouts_method_check CHECK (method IN ('stripe', 'paypal', 'jake_bucks')),
    CONSTRAINT payouts_amount_check CHECK (amount >= 0),
    CONSTRAINT payouts_bonus_amount_check CHECK (bonus_amount >= 0),
    CONSTRAINT payouts_status_check CHECK (status IN (
        'pending', 'held', 'processing', 'sent', 'paid', 'failed', 'cancelled')),
    CONSTRAINT payouts_attempts_check CHECK (attempts >= 0),
    CONSTRAINT payouts_version_check CHECK (version >= 0)
);
CREATE UNIQUE INDEX payouts_one_live_per_offer_idx ON payouts (offer_id)
    WHERE status NOT IN ('failed', 'cancelled');
CREATE UNIQUE INDEX payouts_provider_reference_idx ON payouts (provider, provider_reference)
    WHERE provider_reference IS NOT NULL;
CREATE INDEX payouts_user_created_idx ON payouts (user_id, created_at DESC, id DESC);
CREATE INDEX payouts_open_due_idx ON payouts (due_by) WHERE status IN ('pending', 'held', 'processing');
CREATE INDEX payouts_retry_idx ON payouts (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE TRIGGER payouts_set_updated_at BEFORE UPDATE ON payouts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON COLUMN payouts.amount IS 'what the sale pays (offer or accepted revised amount), without the Jake Bucks bonus';
COMMENT ON COLUMN payouts.bonus_amount IS 'Jake Bucks bonus on top of amount (0 for cash methods)';
COMMENT ON COLUMN payouts.due_by IS 'verification + businessDaysToLeave business days; a cash payout still open after it is late';
--rollback DROP TABLE payouts;
