-- The clinical chart: encounters, observations, conditions, allergies, medications and notes. Each entry's
-- content is encrypted with its patient's data key, bound to (table, column, entry id); only the kind, the
-- patient, the time and the flags are in clear.
CREATE TABLE records.chart_entry (
    id          uuid PRIMARY KEY,
    version     bigint NOT NULL,
    patient_id  uuid NOT NULL,
    kind        text NOT NULL,
    content     bytea NOT NULL,
    retired     boolean NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX chart_entry_patient ON records.chart_entry (patient_id, kind, created_at);

CREATE TABLE records.chart_entry_history (
    id          uuid NOT NULL,
    rev         bigint NOT NULL REFERENCES records.revision (id),
    revtype     smallint,
    version     bigint,
    patient_id  uuid,
    kind        text,
    content     bytea,
    retired     boolean,
    created_at  timestamptz,
    updated_at  timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX chart_entry_history_patient ON records.chart_entry_history (patient_id);
