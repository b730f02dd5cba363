-- The application reads and writes rows; only the schema owner changes the schema.
GRANT USAGE ON SCHEMA identity TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA identity GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA identity GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};
