-- Least privilege, table by table: the application stamps the heartbeat, marks DR operations audited and reads
-- the region's name and epochs; DR operations and the monitor use logins of their own. A table added later
-- gets nothing until its own migration grants it. Schema USAGE is left as it is: fencing takes it from the
-- application on a standby, and a migration must not give it back.
ALTER DEFAULT PRIVILEGES IN SCHEMA dr REVOKE ALL ON TABLES FROM ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA dr REVOKE ALL ON SEQUENCES FROM ${appRole};
REVOKE ALL ON ALL TABLES IN SCHEMA dr FROM ${appRole};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA dr FROM ${appRole};

-- the upsert reads the row's key and returns its time
GRANT SELECT, INSERT ON dr.heartbeat TO ${appRole};
GRANT UPDATE (beat_at) ON dr.heartbeat TO ${appRole};
GRANT SELECT ON dr.region, dr.topology, dr.operation TO ${appRole};
GRANT UPDATE (audited_at) ON dr.operation TO ${appRole};
