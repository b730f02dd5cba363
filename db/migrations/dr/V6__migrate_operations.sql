-- The DR log also records schema upgrades (bin/citadel dr migrate). The check is replaced in one statement, so
-- there is no moment without it, and NOT VALID: it checks new rows only, and every row there already passes it.
ALTER TABLE dr.operation DROP CONSTRAINT operation_action_check,
    ADD CONSTRAINT operation_action_check CHECK (action IN ('DR_SWITCHOVER', 'DR_FAILOVER', 'DR_FENCE', 'DR_REJOIN',
        'DR_SALVAGE', 'DR_BACKUP', 'DR_RESTORE', 'DR_MIGRATE')) NOT VALID;
