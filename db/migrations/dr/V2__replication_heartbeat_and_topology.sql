-- The writer stamps this row every second. It is published, so the standby's copy tells how far behind the
-- standby is: logical replication leaves pg_stat_replication's *_lag columns empty.
CREATE TABLE dr.heartbeat (
    id      smallint PRIMARY KEY CHECK (id = 1),
    beat_at timestamptz NOT NULL
);

-- Each region's own record of the topology: which region is the writer, under which epoch. Never published:
-- each region keeps its own, so a promoted standby can move to a new epoch while the old writer cannot.
CREATE TABLE dr.topology (
    epoch         bigint PRIMARY KEY CHECK (epoch > 0),
    writer_region text NOT NULL,
    recorded_at   timestamptz NOT NULL
);
