-- Each region's own name, written once by whoever sets the region up. Never published. The application reads
-- it to tell which region a connection reached, so it can refuse a region whose topology epoch is stale.
CREATE TABLE dr.region (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    name     text NOT NULL
);

-- Only DR operations, as a DBA, name regions and move epochs; the application reads them.
REVOKE INSERT, UPDATE, DELETE ON dr.region, dr.topology FROM ${appRole};

-- When the standby applied the newest heartbeat, by its own clock. The trigger fires only in the apply worker
-- (ENABLE REPLICA), so the writer's own beats leave it empty. It dates the last replicated commit and gives
-- the last known lag that a failover's RPO estimate starts from.
ALTER TABLE dr.heartbeat ADD COLUMN applied_at timestamptz;

CREATE FUNCTION dr.stamp_applied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.applied_at := clock_timestamp();
    RETURN NEW;
END
$$;

CREATE TRIGGER heartbeat_applied BEFORE INSERT OR UPDATE ON dr.heartbeat
    FOR EACH ROW EXECUTE FUNCTION dr.stamp_applied();
ALTER TABLE dr.heartbeat ENABLE REPLICA TRIGGER heartbeat_applied;

-- Each DR operation, written by bin/citadel dr on the region that writes afterwards. It is published, so the
-- standby keeps the record too; the application turns every row into an audit event and stamps audited_at.
CREATE TABLE dr.operation (
    id          uuid PRIMARY KEY,
    action      text NOT NULL CHECK (action IN ('DR_SWITCHOVER', 'DR_FAILOVER', 'DR_FENCE', 'DR_REJOIN')),
    operator    text NOT NULL,
    region      text NOT NULL,
    outcome     text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    finished_at timestamptz NOT NULL,
    detail      text NOT NULL,
    audited_at  timestamptz
);
CREATE INDEX operation_unaudited ON dr.operation (finished_at) WHERE audited_at IS NULL;
REVOKE INSERT, DELETE ON dr.operation FROM ${appRole};
