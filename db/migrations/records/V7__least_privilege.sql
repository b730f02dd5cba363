-- Least privilege, table by table: nothing is ever deleted (a record is retired, an erasure destroys the key).
-- The history and its revisions are only appended to, except that a data-key rotation re-encrypts a history
-- row's ciphertext in place, and only that column. The erasure ledger is written once per erasure and read
-- back only by a restore, as a superuser. A table added later gets nothing until its own migration grants it.
-- Schema USAGE is left as it is: fencing takes it from the application on a standby, and a migration must not
-- give it back.
ALTER DEFAULT PRIVILEGES IN SCHEMA records REVOKE ALL ON TABLES FROM ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA records REVOKE ALL ON SEQUENCES FROM ${appRole};
REVOKE ALL ON ALL TABLES IN SCHEMA records FROM ${appRole};
-- an identity column draws its numbers without any right on its sequence
REVOKE ALL ON ALL SEQUENCES IN SCHEMA records FROM ${appRole};

GRANT SELECT, INSERT, UPDATE ON records.patient, records.chart_entry TO ${appRole};
-- a key changes only by rewrapping or destruction, a rotation only in its progress
GRANT SELECT, INSERT ON records.patient_key, records.key_rotation TO ${appRole};
GRANT UPDATE (wrapped_key, destroyed_at) ON records.patient_key TO ${appRole};
GRANT UPDATE (finished_at, cursor, processed, skipped) ON records.key_rotation TO ${appRole};
GRANT SELECT, INSERT ON records.revision, records.patient_history, records.chart_entry_history TO ${appRole};
GRANT UPDATE (demographics) ON records.patient_history TO ${appRole};
GRANT UPDATE (content) ON records.chart_entry_history TO ${appRole};
GRANT INSERT ON records.erasure TO ${appRole};
