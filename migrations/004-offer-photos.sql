--liquibase formatted sql logicalFilePath:migrations/004-offer-photos.sql

--changeset jakebuysit:004-offer-photos
--comment: the 1 to 5 photos of an offer, with what fraud checks need (perceptual hash, EXIF)
CREATE TABLE offer_photos (
    id              UUID        NOT NULL DEFAULT gen_random_uuid(),
    offer_id        UUID        NOT NULL,
    position        SMALLINT    NOT NULL,
    storage_key     TEXT        NOT NULL,
    thumbnail_key   TEXT,
    content_type    TEXT        NOT NULL,
    size_bytes      BIGINT      NOT NULL,
    width           INTEGER,
    height          INTEGER,
    perceptual_hash BIGINT,
    exif_summary    JSONB,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT offer_photos_pkey PRIMARY KEY (id),
    CONSTRAINT offer_photos_offer_id_fkey FOREIGN KEY (offer_id) REFERENCES offers (id) ON DELETE CASCADE,
    CONSTRAINT offer_photos_offer_position_key UNIQUE (offer_id, position),
    CONSTRAINT offer_photos_position_check CHECK (position >= 0),
    CONSTRAINT offer_photos_size_bytes_check CHECK (size_bytes > 0),
    CONSTRAINT offer_photos_dimensions_check CHECK (width > 0 AND height > 0)
);
CREATE INDEX offer_photos_perceptual_hash_idx ON offer_photos (perceptual_hash);
COMMENT ON COLUMN offer_photos.position IS '0-based order of the photo within its offer';
COMMENT ON COLUMN offer_photos.perceptual_hash IS '64-bit perceptual hash; similarity = 1 - hamming distance / 64';
--rollback DROP TABLE offer_photos;
