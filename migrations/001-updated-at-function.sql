--liquibase formatted sql logicalFilePath:migrations/001-updated-at-function.sql

--changeset jakebuysit:001-set-updated-at-function splitStatements:false
--comment: BEFORE UPDATE trigger function shared by every table with an updated_at column. Created unqualified, so it lives in the current schema.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
--rollback DROP FUNCTION set_updated_at();
