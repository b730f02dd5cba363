-- Key rotations: which kind, who started it, how far it got. A rotation works in batches, each committed
-- with its cursor, so a crash resumes after the last committed patient and nothing is encrypted twice.
CREATE TABLE records.key_rotation (
    id          uuid PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('KEY_ENCRYPTION_KEY', 'DATA_KEYS')),
    started_at  timestamptz NOT NULL,
    started_by  text NOT NULL,
    finished_at timestamptz,
    cursor      uuid,
    processed   bigint NOT NULL DEFAULT 0,
    -- patients left on their old key because a stored value would not decrypt: each is audited as FAILED
    skipped     bigint NOT NULL DEFAULT 0
);
-- at most one unfinished rotation of each kind
CREATE UNIQUE INDEX key_rotation_running ON records.key_rotation (kind) WHERE finished_at IS NULL;
