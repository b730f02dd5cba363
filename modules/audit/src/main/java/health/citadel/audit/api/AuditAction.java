package health.citadel.audit.api;

/** What was done. Every read or write of PHI, every denial and every DR or key operation has one. */
public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE, REVERT, EXPORT, ERASE, REVEAL, BREAK_GLASS, DENIED,
    DR_SWITCHOVER, DR_FAILOVER, DR_FENCE, DR_SALVAGE, DR_REJOIN, DR_BACKUP, DR_RESTORE, DR_MIGRATE,
    DR_BASE_BACKUP, DR_POINT_IN_TIME_RESTORE,
    KEY_ROTATION, KEY_DESTRUCTION,
    /** A patient flagged restricted (a VIP, an employee), or the flag taken off, on its own. */
    RESTRICTION_SET, RESTRICTION_CLEARED,
    ADMIN_CARE_TEAM, ADMIN_ACCESS_REVIEW, ADMIN_AUDIT_VERIFY, ADMIN_AUDIT_EXPORT
}
