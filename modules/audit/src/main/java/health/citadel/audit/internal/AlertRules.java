package health.citadel.audit.internal;

import health.citadel.audit.api.Alert.Severity;
import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules Citadel evaluates on every committed event. Thresholds come from MicroProfile Config. */
final class AlertRules {

    private AlertRules() {
    }

    /** One person reading more than {@code max} distinct patients within {@code window}. */
    record ManyPatients(int max, Duration window) implements AlertRule {
        @Override
        public boolean considers(AuditEvent event) {
            return AlertRule.touchesPatient(event);
        }

        @Override
        public Optional<Finding> evaluate(AuditEvent event, List<AuditEvent> history) {
            if (!considers(event)) {
                return Optional.empty();
            }
            List<AuditEvent> reads = history.stream().filter(AlertRule::touchesPatient)
                    .filter(e -> !e.occurredAt().isBefore(event.occurredAt().minus(window))).toList();
            long patients = reads.stream().map(AuditEvent::patientId).distinct().count();
            return patients > max ? Optional.of(new Finding("many-patients", Severity.HIGH,
                    windowKey(event).orElseThrow(), null, AlertRule.evidence(reads))) : Optional.empty();
        }

        @Override
        public Optional<String> windowKey(AuditEvent event) {
            return Optional.of("many-patients:" + event.actorId() + ":" + AlertRule.bucket(event, window));
        }

        /** One event per patient, and no more patients than it takes to pass the threshold. */
        @Override
        public Optional<History> history() {
            return Optional.of(new History(window, TOUCHES_PATIENT, true, max + 1));
        }
    }

    /** {@code max} or more denials for one person within {@code window}. */
    record RepeatedDenials(int max, Duration window) implements AlertRule {
        @Override
        public boolean considers(AuditEvent event) {
            return event.outcome() == AuditOutcome.DENIED;
        }

        @Override
        public Optional<Finding> evaluate(AuditEvent event, List<AuditEvent> history) {
            if (!considers(event)) {
                return Optional.empty();
            }
            List<AuditEvent> denials = history.stream().filter(e -> e.outcome() == AuditOutcome.DENIED)
                    .filter(e -> !e.occurredAt().isBefore(event.occurredAt().minus(window))).toList();
            return denials.size() >= max ? Optional.of(new Finding("repeated-denials", Severity.MEDIUM,
                    windowKey(event).orElseThrow(), null, AlertRule.evidence(denials))) : Optional.empty();
        }

        @Override
        public Optional<String> windowKey(AuditEvent event) {
            return Optional.of("repeated-denials:" + event.actorId() + ":" + AlertRule.bucket(event, window));
        }

        @Override
        public Optional<History> history() {
            return Optional.of(new History(window, "outcome = 'DENIED'", false, max));
        }
    }

    /** Every break-the-glass access, each on its own. */
    static final EachSuccess BREAK_THE_GLASS = new EachSuccess("break-the-glass", AuditAction.BREAK_GLASS);

    /**
     * A patient's restricted flag taken off: every later access to them goes unalerted, so the change itself is,
     * each on its own.
     */
    static final EachSuccess RESTRICTION_CLEARED = new EachSuccess("restriction-cleared",
            AuditAction.RESTRICTION_CLEARED);

    /** Every successful event of one action raises a HIGH alert of its own. */
    record EachSuccess(String rule, AuditAction action) implements AlertRule {
        @Override
        public Optional<Finding> evaluate(AuditEvent event, List<AuditEvent> history) {
            return event.action() == action && event.outcome() == AuditOutcome.SUCCESS
                    ? Optional.of(new Finding(rule, Severity.HIGH, rule + ":" + event.id(), event.patientId(),
                    List.of(event.id()))) : Optional.empty();
        }

        @Override
        public Optional<History> history() {
            return Optional.empty();
        }
    }

    /** Every access to a restricted patient's chart (a VIP, an employee), each on its own. */
    record RestrictedPatient() implements AlertRule {
        @Override
        public Optional<Finding> evaluate(AuditEvent event, List<AuditEvent> history) {
            return event.restrictedPatient() && AlertRule.touchesPatient(event)
                    ? Optional.of(new Finding("restricted-patient", Severity.HIGH, "restricted-patient:" + event.id(),
                    event.patientId(), List.of(event.id()))) : Optional.empty();
        }

        @Override
        public Optional<History> history() {
            return Optional.empty();
        }
    }

    /** More than {@code max} chart exports by one person within {@code window}. */
    record BulkExport(int max, Duration window) implements AlertRule {
        @Override
        public boolean considers(AuditEvent event) {
            return event.action() == AuditAction.EXPORT && event.outcome() == AuditOutcome.SUCCESS;
        }

        @Override
        public Optional<Finding> evaluate(AuditEvent event, List<AuditEvent> history) {
            if (!considers(event)) {
                return Optional.empty();
            }
            List<AuditEvent> exports = history.stream()
                    .filter(e -> e.action() == AuditAction.EXPORT && e.outcome() == AuditOutcome.SUCCESS)
                    .filter(e -> !e.occurredAt().isBefore(event.occurredAt().minus(window))).toList();
            return exports.size() > max ? Optional.of(new Finding("bulk-export", Severity.HIGH,
                    windowKey(event).orElseThrow(), null, AlertRule.evidence(exports))) : Optional.empty();
        }

        @Override
        public Optional<String> windowKey(AuditEvent event) {
            return Optional.of("bulk-export:" + event.actorId() + ":" + AlertRule.bucket(event, window));
        }

        @Override
        public Optional<History> history() {
            return Optional.of(new History(window, "action = 'EXPORT' AND outcome = 'SUCCESS'", false, max + 1));
        }
    }

    /** Patient data touched outside the hospital's working hours; one alert per person and day. */
    record OutsideWorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) implements AlertRule {
        @Override
        public Optional<Finding> evaluate(AuditEvent event, List<AuditEvent> history) {
            if (!AlertRule.touchesPatient(event)) {
                return Optional.empty();
            }
            ZonedDateTime local = event.occurredAt().atZone(zone);
            LocalTime time = local.toLocalTime();
            boolean working = days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
            return working ? Optional.empty() : Optional.of(new Finding("outside-working-hours", Severity.LOW,
                    windowKey(event).orElseThrow(), event.patientId(), List.of(event.id())));
        }

        @Override
        public Optional<String> windowKey(AuditEvent event) {
            return Optional.of("outside-working-hours:" + event.actorId() + ":" + event.occurredAt().atZone(zone)
                    .toLocalDate());
        }

        @Override
        public Optional<History> history() {
            return Optional.empty();
        }

        static Set<DayOfWeek> parseDays(String days) {
            return Arrays.stream(days.split(",")).map(String::trim).map(String::toUpperCase)
                    .map(DayOfWeek::valueOf).collect(Collectors.toUnmodifiableSet());
        }
    }
}
