package health.citadel.audit.api;

import java.util.function.Consumer;

/** Reading the access log: for auditors, and for patients about their own chart. */
public interface AuditTrail {

    /** A page of matching events, newest first. */
    AuditPage find(AuditQuery query);

    /** Every matching event, oldest first, regardless of the query's page; streamed, not held in memory. */
    void export(AuditQuery query, Consumer<AuditEvent> sink);
}
