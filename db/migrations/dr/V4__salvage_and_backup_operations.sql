-- The DR log also records salvages of lost commits, backups and restores.
ALTER TABLE dr.operation DROP CONSTRAINT operation_action_check;
ALTER TABLE dr.operation ADD CONSTRAINT operation_action_check CHECK (action IN ('DR_SWITCHOVER', 'DR_FAILOVER',
    'DR_FENCE', 'DR_REJOIN', 'DR_SALVAGE', 'DR_BACKUP', 'DR_RESTORE'));
