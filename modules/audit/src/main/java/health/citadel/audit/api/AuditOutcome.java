package health.citadel.audit.api;

public enum AuditOutcome {
    SUCCESS,
    /** Refused by authorization. */
    DENIED,
    /** Allowed, but it failed and was rolled back. */
    FAILED
}
