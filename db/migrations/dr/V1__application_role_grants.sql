-- The application reads and writes rows; only the schema owner changes the schema.
GRANT USAGE ON SCHEMA dr TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA dr GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA dr GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};
