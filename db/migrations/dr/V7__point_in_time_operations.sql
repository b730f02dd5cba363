-- The DR log also records base backups and point-in-time restores. As in V6, the check is replaced in one
-- statement and NOT VALID: it checks new rows only, and every row there already passes it.
ALTER TABLE dr.operation DROP CONSTRAINT operation_action_check,
    ADD CONSTRAINT operation_action_check CHECK (action IN ('DR_SWITCHOVER', 'DR_FAILOVER', 'DR_FENCE', 'DR_REJOIN',
        'DR_SALVAGE', 'DR_BACKUP', 'DR_RESTORE', 'DR_MIGRATE', 'DR_BASE_BACKUP', 'DR_POINT_IN_TIME_RESTORE'))
        NOT VALID;
