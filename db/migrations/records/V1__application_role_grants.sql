-- The application reads and writes rows; only the schema owner changes the schema.
GRANT USAGE ON SCHEMA records TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA records GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA records GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};
