-- Each finished access review and what it found. A run is written whole, with its audit event, or not at all.
CREATE TABLE identity.access_review_run (
    id           uuid PRIMARY KEY,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL,
    trigger      text NOT NULL CHECK (trigger IN ('SCHEDULED', 'ON_DEMAND')),
    requested_by text,
    CONSTRAINT access_review_run_finishes_after_start CHECK (finished_at >= started_at)
);
CREATE INDEX access_review_run_started ON identity.access_review_run (started_at DESC);

CREATE TABLE identity.access_review_finding (
    id       uuid PRIMARY KEY,
    run_id   uuid NOT NULL REFERENCES identity.access_review_run (id),
    position int NOT NULL,
    kind     text NOT NULL,
    user_id  text,
    username text,
    detail   text NOT NULL,
    UNIQUE (run_id, position)
);
