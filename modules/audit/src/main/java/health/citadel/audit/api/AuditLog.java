package health.citadel.audit.api;

/** Where other modules record accesses. */
public interface AuditLog {

    /**
     * Records an event in the caller's transaction: it commits with the operation it describes, or not at
     * all. Use it for successful operations.
     */
    void record(AuditEvent event);

    /**
     * Records an event in a transaction of its own, so that it survives the rollback of the caller's. Use it
     * for denied and failed operations.
     */
    void recordRegardless(AuditEvent event);
}
