-- The access log. Events are written in the business transaction; a single chainer links them afterwards,
-- so no business transaction waits on the chain. Nothing here holds PHI values: ids, kinds and outcomes.
CREATE TABLE audit.access_event (
    id            uuid PRIMARY KEY,
    seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    occurred_at   timestamptz NOT NULL,
    actor_id      text NOT NULL,
    actor_roles   text NOT NULL,
    client_id     text,
    action        text NOT NULL,
    resource_type text NOT NULL,
    resource_id   text,
    patient_id    uuid,
    outcome       text NOT NULL,
    source_ip     text,
    request_id    text,
    reason        text,
    -- Ed25519 signature over the canonical encoding, made by the application with a key the database never sees
    seal          bytea NOT NULL
);
CREATE INDEX access_event_patient ON audit.access_event (patient_id, occurred_at);
CREATE INDEX access_event_actor ON audit.access_event (actor_id, occurred_at);
CREATE INDEX access_event_time ON audit.access_event (occurred_at);

-- Position n links event n to event n-1: hash = SHA-256(previous_hash || canonical event || seal).
CREATE TABLE audit.chain_link (
    position      bigint PRIMARY KEY,
    event_id      uuid NOT NULL UNIQUE,
    event_seq     bigint NOT NULL,
    previous_hash bytea NOT NULL,
    hash          bytea NOT NULL,
    linked_at     timestamptz NOT NULL DEFAULT now()
);

-- Signed heads of the chain, so that rewriting the chain from some point on is detectable.
CREATE TABLE audit.chain_checkpoint (
    position   bigint PRIMARY KEY,
    hash       bytea NOT NULL,
    signed_at  timestamptz NOT NULL,
    signature  bytea NOT NULL
);

-- Append-only even for mistakes: no UPDATE, DELETE or TRUNCATE, whoever runs them.
CREATE FUNCTION audit.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER access_event_append_only BEFORE UPDATE OR DELETE ON audit.access_event
    FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER access_event_no_truncate BEFORE TRUNCATE ON audit.access_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER chain_link_append_only BEFORE UPDATE OR DELETE ON audit.chain_link
    FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER chain_link_no_truncate BEFORE TRUNCATE ON audit.chain_link
    FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER chain_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit.chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER chain_checkpoint_no_truncate BEFORE TRUNCATE ON audit.chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
