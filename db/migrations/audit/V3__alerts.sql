-- Suspicious-activity alerts, and their delivery to the hospital's alerting webhook. Both are append-only:
-- an alert is delivered when it has a successful attempt.
CREATE TABLE audit.alert (
    id         uuid PRIMARY KEY,
    rule       text NOT NULL,
    severity   text NOT NULL,
    actor_id   text NOT NULL,
    patient_id uuid,
    raised_at  timestamptz NOT NULL,
    evidence   uuid[] NOT NULL,
    -- one alert per rule, actor and window: a rule that keeps matching does not flood the receiver
    dedupe_key text NOT NULL UNIQUE
);
CREATE INDEX alert_raised ON audit.alert (raised_at);

CREATE TABLE audit.alert_delivery_attempt (
    alert_id     uuid NOT NULL,
    attempt      integer NOT NULL,
    attempted_at timestamptz NOT NULL,
    delivered    boolean NOT NULL,
    http_status  integer,
    PRIMARY KEY (alert_id, attempt)
);

CREATE TRIGGER alert_append_only BEFORE UPDATE OR DELETE ON audit.alert
    FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER alert_no_truncate BEFORE TRUNCATE ON audit.alert
    FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER alert_delivery_attempt_append_only BEFORE UPDATE OR DELETE ON audit.alert_delivery_attempt
    FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER alert_delivery_attempt_no_truncate BEFORE TRUNCATE ON audit.alert_delivery_attempt
    FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
