-- Least privilege, table by table: the application only appends to and reads the audit log, and a table added
-- later gets nothing until its own migration grants it. Schema USAGE is left as it is: fencing takes it from
-- the application on a standby, and a migration must not give it back.
ALTER DEFAULT PRIVILEGES IN SCHEMA audit REVOKE ALL ON TABLES FROM ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA audit REVOKE ALL ON SEQUENCES FROM ${appRole};
REVOKE ALL ON ALL TABLES IN SCHEMA audit FROM ${appRole};
-- an identity column draws its numbers without any right on its sequence
REVOKE ALL ON ALL SEQUENCES IN SCHEMA audit FROM ${appRole};

GRANT SELECT, INSERT ON audit.access_event, audit.chain_link, audit.chain_checkpoint, audit.alert,
    audit.alert_delivery_attempt, audit.checkpoint_delivery_attempt TO ${appRole};
