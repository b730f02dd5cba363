package health.citadel.audit.internal;

import health.citadel.audit.api.Alert;
import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One suspicious-activity rule: a pure function of a newly committed event and the same actor's recent
 * events, so each rule can be tested on its own.
 */
interface AlertRule {

    /** Accesses that touch a patient's data. */
    Set<AuditAction> PHI_ACCESS = EnumSet.of(AuditAction.READ, AuditAction.SEARCH, AuditAction.CREATE,
            AuditAction.UPDATE, AuditAction.DELETE, AuditAction.REVERT, AuditAction.EXPORT, AuditAction.REVEAL,
            AuditAction.BREAK_GLASS);

    /**
     * @param event        the event just committed
     * @param actorHistory the same actor's earlier events that {@link #history()} selects, up to and including
     *                     {@code event}, oldest first
     */
    Optional<Finding> evaluate(AuditEvent event, List<AuditEvent> actorHistory);

    /**
     * Whether an event could raise this rule's alert: detection loads no history for one that could not, since a
     * busy clinician's window holds thousands of reads that a rule about denials or exports would scan in vain.
     */
    default boolean considers(AuditEvent event) {
        return true;
    }

    /** Which of the actor's earlier events the rule needs; none for a rule that judges each event alone. */
    Optional<History> history();

    /**
     * For a rule that raises one alert per actor and window: the dedupe key a finding on this event would carry.
     * Once that alert is raised, detection skips the rule for the rest of the window, history and all.
     */
    default Optional<String> windowKey(AuditEvent event) {
        return Optional.empty();
    }

    /**
     * The part of an actor's recent events a rule looks at, so that detection loads only that, however busy the
     * actor: the latest {@code limit} events within {@code window} that match {@code condition}.
     *
     * @param condition        a constant SQL condition on {@code audit.access_event}; never built from input
     * @param latestPerPatient only each patient's latest matching event, for rules that count patients
     */
    record History(Duration window, String condition, boolean latestPerPatient, int limit) {
    }

    /** {@link #touchesPatient} as a SQL condition. */
    String TOUCHES_PATIENT = "patient_id IS NOT NULL AND outcome = 'SUCCESS' AND action IN ("
            + PHI_ACCESS.stream().map(action -> "'" + action.name() + "'").sorted()
                    .collect(Collectors.joining(", ")) + ")";

    /**
     * What a rule found.
     *
     * @param dedupeKey equal keys are one alert: a rule that keeps matching in one window raises it once
     */
    record Finding(String rule, Alert.Severity severity, String dedupeKey, UUID patientId, List<UUID> evidence) {
    }

    static boolean touchesPatient(AuditEvent event) {
        return event.patientId() != null && event.outcome() == AuditOutcome.SUCCESS
                && PHI_ACCESS.contains(event.action());
    }

    /** The event ids, most recent last, capped so an alert stays small. */
    static List<UUID> evidence(List<AuditEvent> events) {
        int from = Math.max(0, events.size() - 50);
        return events.subList(from, events.size()).stream().map(AuditEvent::id).toList();
    }

    /** Windows are fixed buckets of {@code window} length, so a dedupe key is stable across evaluations. */
    static long bucket(AuditEvent event, Duration window) {
        return event.occurredAt().toEpochMilli() / window.toMillis();
    }
}
