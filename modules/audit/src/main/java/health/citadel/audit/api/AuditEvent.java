package health.citadel.audit.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One access, as the audit log keeps it: who, what, which record, when, from where, the outcome and the
 * reason. It never carries PHI values: records are named by id, people by their identity-provider id.
 *
 * @param occurredAt   when it happened; kept to the microsecond, as PostgreSQL stores it
 * @param actorId      the identity provider's subject id of the person or service
 * @param actorRoles   the caller's roles at the time
 * @param clientId     the OAuth client that presented the token, if known
 * @param resourceType the kind of record, e.g. {@code Patient}, {@code AuditLog}
 * @param resourceId   the record's id, if the access names one record
 * @param patientId    the internal id of the patient whose data was touched, if any
 * @param sourceIp     the caller's address as the server saw it
 * @param requestId    the request id that also appears on the request's log lines
 * @param reason       why, where the person had to say (break-the-glass, reveal, revert)
 * @param restrictedPatient the patient is flagged restricted (a VIP, an employee): every access is alerted
 */
public record AuditEvent(UUID id, Instant occurredAt, String actorId, Set<String> actorRoles, String clientId,
                         AuditAction action, String resourceType, String resourceId, UUID patientId,
                         AuditOutcome outcome, String sourceIp, String requestId, String reason,
                         boolean restrictedPatient) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(outcome, "outcome");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        actorRoles = Set.copyOf(new TreeSet<>(actorRoles == null ? Set.of() : actorRoles));
    }

    /** A new event by {@code actorId}, a person or a service, built field by field; it happens now unless told. */
    public static Builder by(String actorId, AuditAction action, String resourceType) {
        return new Builder(actorId, action, resourceType);
    }

    /** Names each field instead of placing it: events are written from many places, and fields look alike. */
    public static final class Builder {
        private final String actorId;
        private final AuditAction action;
        private final String resourceType;
        private Instant occurredAt;
        private Set<String> actorRoles = Set.of();
        private String clientId;
        private String resourceId;
        private UUID patientId;
        private boolean restrictedPatient;
        private AuditOutcome outcome;
        private String sourceIp;
        private String requestId;
        private String reason;

        private Builder(String actorId, AuditAction action, String resourceType) {
            this.actorId = actorId;
            this.action = action;
            this.resourceType = resourceType;
        }

        public Builder at(Instant when) {
            occurredAt = when;
            return this;
        }

        public Builder roles(Set<String> roles) {
            actorRoles = roles;
            return this;
        }

        public Builder client(String id) {
            clientId = id;
            return this;
        }

        public Builder resource(String id) {
            resourceId = id;
            return this;
        }

        public Builder patient(UUID id) {
            patientId = id;
            return this;
        }

        public Builder restrictedPatient(boolean restricted) {
            restrictedPatient = restricted;
            return this;
        }

        public Builder outcome(AuditOutcome what) {
            outcome = what;
            return this;
        }

        /** Where the request came from: the address the server saw. */
        public Builder from(String address) {
            sourceIp = address;
            return this;
        }

        public Builder request(String id) {
            requestId = id;
            return this;
        }

        public Builder reason(String why) {
            reason = why;
            return this;
        }

        /** The event, with a fresh id. */
        public AuditEvent build() {
            return new AuditEvent(UUID.randomUUID(), occurredAt == null ? Instant.now() : occurredAt, actorId,
                    actorRoles, clientId, action, resourceType, resourceId, patientId, outcome, sourceIp, requestId,
                    reason, restrictedPatient);
        }
    }

    /** The same event with another reason: the one stored, or the one read back. */
    public AuditEvent withReason(String storedReason) {
        return new AuditEvent(id, occurredAt, actorId, actorRoles, clientId, action, resourceType, resourceId,
                patientId, outcome, sourceIp, requestId, storedReason, restrictedPatient);
    }

    /** The same event, about a patient flagged restricted. */
    public AuditEvent aboutRestrictedPatient() {
        return new AuditEvent(id, occurredAt, actorId, actorRoles, clientId, action, resourceType, resourceId,
                patientId, outcome, sourceIp, requestId, reason, true);
    }
}
