--liquibase formatted sql logicalFilePath:migrations/018-pipeline-leases.sql

--changeset jakebuysit:018-pipeline-leases
--comment: who runs an offer's pipeline now; a lease not renewed runs out, so a dead server's offer is taken over
CREATE TABLE pipeline_leases (
    offer_id    UUID        NOT NULL,
    holder      TEXT        NOT NULL,
    leased_until TIMESTAMPTZ NOT NULL,
    CONSTRAINT pipeline_leases_pkey PRIMARY KEY (offer_id),
    CONSTRAINT pipeline_leases_offer_id_fkey FOREIGN KEY (offer_id) REFERENCES offers (id) ON DELETE CASCADE
);
--rollback DROP TABLE pipeline_leases;
