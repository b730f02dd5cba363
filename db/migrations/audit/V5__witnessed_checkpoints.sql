-- A heartbeat checkpoint signs the same position again later ("the chain was at P at time T"), so a
-- checkpoint is identified by its position and its time, and its signature covers both.
ALTER TABLE audit.chain_checkpoint DROP CONSTRAINT chain_checkpoint_pkey;
ALTER TABLE audit.chain_checkpoint ADD PRIMARY KEY (position, signed_at);

-- Checkpoints handed to the webhook witness (a SIEM or a write-once store), so that a copy of the chain's
-- head lives outside this database. Append-only, like the alert outbox.
CREATE TABLE audit.checkpoint_delivery_attempt (
    position     bigint NOT NULL,
    signed_at    timestamptz NOT NULL,
    attempted_at timestamptz NOT NULL,
    delivered    boolean NOT NULL,
    http_status  integer,
    PRIMARY KEY (position, signed_at, attempted_at)
);
CREATE TRIGGER checkpoint_delivery_attempt_append_only BEFORE UPDATE OR DELETE ON audit.checkpoint_delivery_attempt
    FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER checkpoint_delivery_attempt_no_truncate BEFORE TRUNCATE ON audit.checkpoint_delivery_attempt
    FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
