-- The erasure ledger: which patients were erased, when, by whom and in which request; never their data.
-- A restore replays it, so that a backup taken before an erasure cannot bring a destroyed data key back.
CREATE TABLE records.erasure (
    patient_id uuid PRIMARY KEY,
    erased_at  timestamptz NOT NULL,
    erased_by  text NOT NULL,
    request_id text
);
