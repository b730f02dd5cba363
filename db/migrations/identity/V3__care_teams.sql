-- Which clinicians care for which patients, and when: the basis of minimum-necessary chart access.
-- Patients are named by their id in the records schema; there are no foreign keys across schemas.
CREATE TABLE identity.care_team_assignment (
    id           uuid PRIMARY KEY,
    clinician_id text NOT NULL,
    patient_id   uuid NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz,
    assigned_by  text NOT NULL,
    assigned_at  timestamptz NOT NULL,
    CONSTRAINT care_team_assignment_ends_after_start CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX care_team_assignment_clinician ON identity.care_team_assignment (clinician_id, patient_id);
CREATE INDEX care_team_assignment_patient ON identity.care_team_assignment (patient_id);
