-- The audit log is append-only: the application may add and read events, never change or remove them.
GRANT USAGE ON SCHEMA audit TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA audit GRANT SELECT, INSERT ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA audit GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};
