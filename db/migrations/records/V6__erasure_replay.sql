-- What an erasure did, for a restore to do again: a backup taken before the erasure still holds the patient's
-- wrapped data key and blind indexes. The records module owns this knowledge; bin/citadel dr restore calls it
-- for every entry of the live erasure ledger. Idempotent, so replaying the whole ledger is safe.
CREATE FUNCTION records.replay_erasure(p_patient uuid, p_erased_at timestamptz, p_erased_by text, p_request text)
    RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO records.erasure (patient_id, erased_at, erased_by, request_id)
        VALUES (p_patient, p_erased_at, p_erased_by, p_request) ON CONFLICT (patient_id) DO NOTHING;
    UPDATE records.patient SET mrn_index = NULL, name_birth_index = NULL WHERE id = p_patient;
    UPDATE records.patient_key SET wrapped_key = NULL, destroyed_at = p_erased_at
        WHERE patient_id = p_patient AND wrapped_key IS NOT NULL;
    RETURN FOUND;
END
$$;
REVOKE ALL ON FUNCTION records.replay_erasure(uuid, timestamptz, text, text) FROM PUBLIC;
