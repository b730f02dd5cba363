-- Least privilege, table by table: nothing is ever deleted, and a row changes only in the columns the
-- application moves on (an assignment's end, a grant's revocation and review, a staff member's last sighting),
-- so no grant can be lengthened, backdated or given another reason. A table added later gets nothing until its
-- own migration grants it. Schema USAGE is left as it is: fencing takes it from the application on a standby,
-- and a migration must not give it back.
ALTER DEFAULT PRIVILEGES IN SCHEMA identity REVOKE ALL ON TABLES FROM ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA identity REVOKE ALL ON SEQUENCES FROM ${appRole};
REVOKE ALL ON ALL TABLES IN SCHEMA identity FROM ${appRole};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA identity FROM ${appRole};

GRANT SELECT, INSERT ON identity.staff_member, identity.care_team_assignment, identity.break_glass_grant,
    identity.access_review_run, identity.access_review_finding TO ${appRole};
GRANT UPDATE (display_name, roles, seen_at) ON identity.staff_member TO ${appRole};
GRANT UPDATE (ends_at) ON identity.care_team_assignment TO ${appRole};
GRANT UPDATE (revoked_at, reviewed_at, reviewed_by, review_outcome, review_note) ON identity.break_glass_grant
    TO ${appRole};
