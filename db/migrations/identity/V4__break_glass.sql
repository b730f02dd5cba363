-- Emergency access outside the care team: a stated reason, a second factor, a short window, and a review.
CREATE TABLE identity.break_glass_grant (
    id             uuid PRIMARY KEY,
    clinician_id   text NOT NULL,
    patient_id     uuid NOT NULL,
    reason         text NOT NULL,
    granted_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    reviewed_at    timestamptz,
    reviewed_by    text,
    review_outcome text,
    review_note    text,
    CONSTRAINT break_glass_grant_expires_after_grant CHECK (expires_at > granted_at)
);
CREATE INDEX break_glass_grant_clinician ON identity.break_glass_grant (clinician_id, patient_id, expires_at);
CREATE INDEX break_glass_grant_unreviewed ON identity.break_glass_grant (granted_at) WHERE reviewed_at IS NULL;
