package health.citadel.identity.api;

/** What a caller may do. Roles map to these in one table; anything not granted there is denied. */
public enum Permission {
    /** See one's own identity, roles and permissions. */
    VIEW_OWN_IDENTITY,
    READ_DEMOGRAPHICS,
    WRITE_DEMOGRAPHICS,
    READ_CLINICAL,
    WRITE_CLINICAL,
    REVEAL_IDENTIFIER,
    EXPORT_CHART,
    ERASE_PATIENT,
    MANAGE_CARE_TEAMS,
    /** Set or clear a patient's restricted flag (a VIP, an employee), whose every access is alerted. */
    MANAGE_RESTRICTION,
    BREAK_THE_GLASS,
    READ_OWN_CHART,
    READ_OWN_ACCESS_LOG,
    READ_AUDIT_LOG,
    REVIEW_ACCESS,
    /** Start an access review of the identity provider's accounts now, rather than at its scheduled time. */
    RUN_ACCESS_REVIEW,
    /** See replication health: lag, slot, subscription, the regions' topology epochs. */
    VIEW_REPLICATION,
    /** Switch over, fail over, fence and rejoin regions; the console asks for a recent second factor too. */
    RUN_DR,
    MANAGE_KEYS
}
