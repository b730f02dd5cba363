package health.citadel.audit.api;

import java.util.List;

/** One page of events, newest first. */
public record AuditPage(List<AuditEvent> events, int page, int size, boolean hasMore) {
}
