-- History is appended to, never rewritten. The one exception is a data-key rotation, which re-encrypts every
-- stored version under the patient's new key, so the application keeps UPDATE on the two ciphertext columns;
-- this makes that grant usable only while a data-key rotation is unfinished. (Replication applies as a replica,
-- where this trigger does not fire.)
CREATE FUNCTION records.history_rewritten_only_by_rotation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM records.key_rotation WHERE kind = 'DATA_KEYS' AND finished_at IS NULL) THEN
        RAISE EXCEPTION 'history is append-only: % is rewritten only by a data-key rotation', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER patient_history_rewritten_only_by_rotation BEFORE UPDATE ON records.patient_history
    FOR EACH ROW EXECUTE FUNCTION records.history_rewritten_only_by_rotation();
CREATE TRIGGER chart_entry_history_rewritten_only_by_rotation BEFORE UPDATE ON records.chart_entry_history
    FOR EACH ROW EXECUTE FUNCTION records.history_rewritten_only_by_rotation();
