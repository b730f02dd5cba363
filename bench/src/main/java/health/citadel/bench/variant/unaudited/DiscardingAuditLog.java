package health.citadel.bench.variant.unaudited;

import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

/**
 * The benchmark's "audit call removed": every event is dropped, so nothing is signed, written or chained. It
 * exists only in a jar that {@code bin/citadel bench} adds to a copy of the WAR. Never part of the production WAR.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class DiscardingAuditLog implements AuditLog {

    @Override
    public void record(AuditEvent event) {
        // removed for the measurement
    }

    @Override
    public void recordRegardless(AuditEvent event) {
        // removed for the measurement
    }
}
