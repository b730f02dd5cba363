package health.citadel.audit.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Suspicious activity found in the access log.
 *
 * @param rule      which rule matched, e.g. {@code break-the-glass}
 * @param evidence  the ids of the events that made it match
 * @param delivered whether the alerting webhook has accepted it
 */
public record Alert(UUID id, String rule, Severity severity, String actorId, UUID patientId, Instant raisedAt,
                    List<UUID> evidence, boolean delivered) {

    public enum Severity {
        LOW, MEDIUM, HIGH
    }
}
