-- Who the staff are, as their tokens name them, so a patient can see who looked at their chart.
-- Staff names are not patient data; they are refreshed from the identity provider's tokens.
CREATE TABLE identity.staff_member (
    user_id      text PRIMARY KEY,
    display_name text NOT NULL,
    roles        text NOT NULL,
    seen_at      timestamptz NOT NULL
);
