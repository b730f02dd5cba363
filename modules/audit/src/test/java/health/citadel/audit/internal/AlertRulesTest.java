package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.audit.api.Alert.Severity;
import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule fires on a scripted scenario of misuse and stays silent on a normal working pattern. */
class AlertRulesTest {

    /** A Tuesday at 10:00 UTC: inside working hours. */
    private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-17T10:00:00Z");

    @Test
    void readingManyDistinctPatientsFiresAboveTheThreshold() {
        var rule = new AlertRules.ManyPatients(3, Duration.ofMinutes(60));
        List<AuditEvent> history = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            history.add(event(AuditAction.READ, AuditOutcome.SUCCESS, UUID.randomUUID(), i));
        }
        assertTrue(rule.evaluate(history.get(2), history).isEmpty(), "three patients is the threshold, not above it");

        AuditEvent fourth = event(AuditAction.READ, AuditOutcome.SUCCESS, UUID.randomUUID(), 3);
        history.add(fourth);
        var finding = rule.evaluate(fourth, history).orElseThrow();
        assertEquals("many-patients", finding.rule());
        assertEquals(4, finding.evidence().size());
    }

    @Test
    void readingOnePatientOftenIsNormal() {
        var rule = new AlertRules.ManyPatients(3, Duration.ofMinutes(60));
        UUID patient = UUID.randomUUID();
        List<AuditEvent> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            history.add(event(AuditAction.READ, AuditOutcome.SUCCESS, patient, i));
        }
        assertTrue(rule.evaluate(history.get(19), history).isEmpty());
    }

    @Test
    void patientsReadLongAgoDoNotCount() {
        var rule = new AlertRules.ManyPatients(1, Duration.ofMinutes(10));
        AuditEvent old = event(AuditAction.READ, AuditOutcome.SUCCESS, UUID.randomUUID(), -60);
        AuditEvent now = event(AuditAction.READ, AuditOutcome.SUCCESS, UUID.randomUUID(), 0);
        assertTrue(rule.evaluate(now, List.of(old, now)).isEmpty());
    }

    @Test
    void repeatedDenialsFireAtTheThresholdAndOneDenialDoesNot() {
        var rule = new AlertRules.RepeatedDenials(3, Duration.ofMinutes(10));
        List<AuditEvent> history = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            history.add(event(AuditAction.DENIED, AuditOutcome.DENIED, null, i));
        }
        assertTrue(rule.evaluate(history.get(0), history.subList(0, 1)).isEmpty());
        var finding = rule.evaluate(history.get(2), history).orElseThrow();
        assertEquals("repeated-denials", finding.rule());
        assertEquals(finding.dedupeKey(), rule.evaluate(history.get(2), history).orElseThrow().dedupeKey(),
                "the same window gives the same alert");
    }

    @Test
    void everyAccessToARestrictedPatientFiresButDenialsAndOrdinaryPatientsDoNot() {
        var rule = new AlertRules.RestrictedPatient();
        UUID patient = UUID.randomUUID();
        AuditEvent read = event(AuditAction.READ, AuditOutcome.SUCCESS, patient, 0).aboutRestrictedPatient();
        var finding = rule.evaluate(read, List.of(read)).orElseThrow();
        assertEquals("restricted-patient", finding.rule());
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(List.of(read.id()), finding.evidence());
        assertEquals(patient, finding.patientId());
        AuditEvent denied = event(AuditAction.READ, AuditOutcome.DENIED, patient, 1).aboutRestrictedPatient();
        assertTrue(rule.evaluate(denied, List.of(denied)).isEmpty(), "a denial is no access");
        AuditEvent ordinary = event(AuditAction.READ, AuditOutcome.SUCCESS, patient, 2);
        assertTrue(rule.evaluate(ordinary, List.of(ordinary)).isEmpty());
    }

    /** Each of these events is alerted on its own; a read, or setting a restriction, is not. */
    @ParameterizedTest
    @CsvSource({"BREAK_GLASS, READ", "RESTRICTION_CLEARED, RESTRICTION_SET"})
    void everyBreakTheGlassAndEveryRestrictionClearedFiresAndOrdinaryEventsDoNot(AuditAction alerted,
                                                                                 AuditAction ordinary) {
        var rule = alerted == AuditAction.BREAK_GLASS ? AlertRules.BREAK_THE_GLASS : AlertRules.RESTRICTION_CLEARED;
        UUID patient = UUID.randomUUID();
        AuditEvent event = event(alerted, AuditOutcome.SUCCESS, patient, 0);
        var finding = rule.evaluate(event, List.of(event)).orElseThrow();
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(patient, finding.patientId());
        AuditEvent other = event(ordinary, AuditOutcome.SUCCESS, patient, 0);
        assertTrue(rule.evaluate(other, List.of(other)).isEmpty());
    }

    @Test
    void bulkExportFiresAboveTheThresholdAndOneExportDoesNot() {
        var rule = new AlertRules.BulkExport(2, Duration.ofMinutes(60));
        List<AuditEvent> history = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            history.add(event(AuditAction.EXPORT, AuditOutcome.SUCCESS, UUID.randomUUID(), i));
        }
        assertTrue(rule.evaluate(history.get(0), history.subList(0, 1)).isEmpty());
        assertEquals("bulk-export", rule.evaluate(history.get(2), history).orElseThrow().rule());
    }

    @Test
    void patientDataTouchedAtNightOrAtTheWeekendFires() {
        var rule = new AlertRules.OutsideWorkingHours(LocalTime.of(7, 0), LocalTime.of(19, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), ZoneId.of("UTC"));
        UUID patient = UUID.randomUUID();
        AuditEvent morning = at(event(AuditAction.READ, AuditOutcome.SUCCESS, patient, 0), TUESDAY_MORNING);
        AuditEvent night = at(morning, Instant.parse("2026-11-17T23:30:00Z"));
        AuditEvent sunday = at(morning, Instant.parse("2026-11-22T10:00:00Z"));

        assertTrue(rule.evaluate(morning, List.of(morning)).isEmpty());
        assertEquals("outside-working-hours", rule.evaluate(night, List.of(night)).orElseThrow().rule());
        assertTrue(rule.evaluate(sunday, List.of(sunday)).isPresent());
    }

    @Test
    void aWindowedRuleNamesItsAlertBeforeEvaluatingSoDetectionCanSkipARaisedOne() {
        AuditEvent read = event(AuditAction.READ, AuditOutcome.SUCCESS, UUID.randomUUID(), 0);
        AuditEvent denied = event(AuditAction.DENIED, AuditOutcome.DENIED, null, 0);
        AuditEvent export = event(AuditAction.EXPORT, AuditOutcome.SUCCESS, UUID.randomUUID(), 0);
        List<AuditEvent> reads = List.of(read, event(AuditAction.READ, AuditOutcome.SUCCESS, UUID.randomUUID(), 0));
        var manyPatients = new AlertRules.ManyPatients(1, Duration.ofMinutes(60));
        assertEquals(manyPatients.windowKey(read), manyPatients.evaluate(read, reads).map(AlertRule.Finding::dedupeKey));
        var denials = new AlertRules.RepeatedDenials(1, Duration.ofMinutes(10));
        assertEquals(denials.windowKey(denied), denials.evaluate(denied, List.of(denied)).map(AlertRule.Finding::dedupeKey));
        var exports = new AlertRules.BulkExport(0, Duration.ofMinutes(60));
        assertEquals(exports.windowKey(export), exports.evaluate(export, List.of(export)).map(AlertRule.Finding::dedupeKey));
        var hours = new AlertRules.OutsideWorkingHours(LocalTime.of(7, 0), LocalTime.of(8, 0),
                EnumSet.allOf(DayOfWeek.class), ZoneId.of("UTC"));
        assertEquals(hours.windowKey(read), hours.evaluate(read, List.of(read)).map(AlertRule.Finding::dedupeKey));
        assertTrue(AlertRules.BREAK_THE_GLASS.windowKey(read).isEmpty(), "one alert per event: nothing to skip");
    }

    @Test
    void workingDaysAreReadFromConfiguration() {
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                AlertRules.OutsideWorkingHours.parseDays("monday, SATURDAY"));
    }

    private static AuditEvent event(AuditAction action, AuditOutcome outcome, UUID patient, int minutesAfterNine) {
        return new AuditEvent(UUID.randomUUID(), TUESDAY_MORNING.plus(Duration.ofMinutes(minutesAfterNine)), "actor-1",
                Set.of("physician"), "citadel-portal", action, "Patient", null, patient, outcome, "127.0.0.1",
                null, null, false);
    }

    private static AuditEvent at(AuditEvent event, Instant when) {
        return new AuditEvent(UUID.randomUUID(), when, event.actorId(), event.actorRoles(), event.clientId(),
                event.action(), event.resourceType(), event.resourceId(), event.patientId(), event.outcome(),
                event.sourceIp(), event.requestId(), event.reason(), event.restrictedPatient());
    }
}
