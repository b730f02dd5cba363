package health.citadel.audit.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Which events an auditor wants: every filter is optional; pages count from 0.
 *
 * @param patientId only events about this patient
 * @param actorId   only events by this person
 * @param action    only this kind of access
 * @param outcome   only this outcome
 * @param from      at or after this instant
 * @param to        before this instant
 */
public record AuditQuery(UUID patientId, String actorId, AuditAction action, AuditOutcome outcome, Instant from,
                         Instant to, int page, int size) {

    public static final int MAX_PAGE_SIZE = 500;

    public AuditQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** The successful accesses to one patient's data. */
    public static AuditQuery accessesTo(UUID patientId, int page, int size) {
        return new AuditQuery(patientId, null, null, AuditOutcome.SUCCESS, null, null, page, size);
    }
}
