--liquibase formatted sql logicalFilePath:migrations/008-jake-bucks-transactions.sql

--changeset jakebuysit:008-jake-bucks-transactions
--comment: the append-only Jake Bucks ledger; amount is signed, balance_after is the account balance after the entry
CREATE TABLE jake_bucks_transactions (
    id             UUID          NOT NULL DEFAULT gen_random_uuid(),
    user_id        UUID          NOT NULL,
    type           TEXT          NOT NULL,
    amount         NUMERIC(12,2) NOT NULL,
    balance_after  NUMERIC(12,2) NOT NULL,
    reference_type TEXT,
    reference_id   UUID,
    description    TEXT,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT jake_bucks_transactions_pkey PRIMARY KEY (id),
    CONSTRAINT jake_bucks_transactions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT jake_bucks_transactions_type_check CHECK (type IN ('credit', 'debit', 'bonus', 'adjustment', 'clawback')),
    CONSTRAINT jake_bucks_transactions_amount_sign_check CHECK (CASE
        WHEN type IN ('credit', 'bonus') THEN amount > 0
        WHEN type IN ('debit', 'clawback') THEN amount < 0
        ELSE amount <> 0 END),
    CONSTRAINT jake_bucks_transactions_balance_after_check CHECK (balance_after >= 0),
    CONSTRAINT jake_bucks_transactions_reference_check CHECK ((reference_type IS NULL) = (reference_id IS NULL))
);
CREATE INDEX jake_bucks_transactions_user_created_idx
    ON jake_bucks_transactions (user_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX jake_bucks_transactions_once_per_reference_idx
    ON jake_bucks_transactions (user_id, type, reference_type, reference_id)
    WHERE type IN ('credit', 'bonus') AND reference_id IS NOT NULL;
COMMENT ON COLUMN jake_bucks_transactions.amount IS 'signed: credit and bonus > 0, debit and clawback < 0, adjustment either way';
COMMENT ON COLUMN jake_bucks_transactions.balance_after IS 'users.jake_bucks_balance after this entry (lock the user row FOR UPDATE, write both in one transaction)';
--rollback DROP TABLE jake_bucks_transactions;
