--liquibase formatted sql logicalFilePath:migrations/005-shipments.sql

--changeset jakebuysit:005-shipments
--comment: the prepaid inbound shipment of an accepted offer, exactly one per offer
CREATE TABLE shipments (
    id                  UUID          NOT NULL DEFAULT gen_random_uuid(),
    offer_id            UUID          NOT NULL,
    carrier             TEXT          NOT NULL,
    service             TEXT,
    tracking_number     TEXT          NOT NULL,
    carrier_shipment_id TEXT,
    label_key           TEXT,
    label_cost          NUMERIC(12,2),
    status              TEXT          NOT NULL DEFAULT 'label_created',
    status_history      JSONB         NOT NULL DEFAULT '[]'::JSONB,
    estimated_delivery  DATE,
    ship_by             TIMESTAMPTZ,
    pickup_date         DATE,
    pickup_window       TEXT,
    address             JSONB,
    delivered_at        TIMESTAMPTZ,
    received_at         TIMESTAMPTZ,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version             INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT shipments_pkey PRIMARY KEY (id),
    CONSTRAINT shipments_offer_id_fkey FOREIGN KEY (offer_id) REFERENCES offers (id),
    CONSTRAINT shipments_offer_id_key UNIQUE (offer_id),
    CONSTRAINT shipments_tracking_number_key UNIQUE (tracking_number),
    CONSTRAINT shipments_status_check CHECK (status IN (
        'label_created', 'in_transit', 'out_for_delivery', 'available_for_pickup',
        'delivered', 'returned', 'voided', 'exception')),
    CONSTRAINT shipments_label_cost_check CHECK (label_cost >= 0),
    CONSTRAINT shipments_version_check CHECK (version >= 0)
);
CREATE INDEX shipments_status_idx ON shipments (status, created_at);
CREATE TRIGGER shipments_set_updated_at BEFORE UPDATE ON shipments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON COLUMN shipments.address IS 'the seller''s from-address as given at accept';
COMMENT ON COLUMN shipments.status_history IS 'array of {status, at, detail} carrier events, oldest first';
--rollback DROP TABLE shipments;
