package health.citadel.audit.internal;

import health.citadel.audit.api.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs every rule on newly chained events and raises an alert for each new finding, in the same transaction.
 * A rule that looks back gets only the history it declares, loaded once per actor and batch up to that actor's
 * latest event: the cost follows the rules' thresholds, not how busy the actor has been.
 */
final class Detection {

    private final List<AlertRule> rules;

    Detection(List<AlertRule> rules) {
        this.rules = rules;
    }

    /** @return the findings that raised a new alert */
    List<AlertRule.Finding> raise(Connection connection, List<AuditEvent> committed) throws SQLException {
        Map<String, List<AuditEvent>> byActor = new LinkedHashMap<>();
        committed.forEach(event -> byActor.computeIfAbsent(event.actorId(), actor -> new ArrayList<>()).add(event));
        List<AlertRule.Finding> raised = new ArrayList<>();
        // a rule that keeps matching (say, every access on a Sunday) is one alert: insert each key once per batch
        Set<String> attempted = new HashSet<>();
        for (Map.Entry<String, List<AuditEvent>> actor : byActor.entrySet()) {
            for (AlertRule rule : rules) {
                List<AuditEvent> events = notYetRaised(connection, rule,
                        actor.getValue().stream().filter(rule::considers).toList());
                if (events.isEmpty()) {
                    continue;
                }
                List<AuditEvent> history = rule.history().isPresent()
                        ? history(connection, actor.getKey(), events, rule.history().get()) : List.of();
                for (AuditEvent event : events) {
                    var finding = rule.evaluate(event, history.subList(0, endOf(history, event)));
                    if (finding.isPresent() && attempted.add(finding.get().dedupeKey())
                            && insert(connection, event, finding.get())) {
                        raised.add(finding.get());
                    }
                }
            }
        }
        return raised;
    }

    /** The events whose window's alert, if the rule has one per window, is not raised yet. */
    private static List<AuditEvent> notYetRaised(Connection connection, AlertRule rule, List<AuditEvent> events)
            throws SQLException {
        Set<String> keys = new HashSet<>();
        events.forEach(event -> rule.windowKey(event).ifPresent(keys::add));
        if (keys.isEmpty()) {
            return events;
        }
        Set<String> raised = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT dedupe_key FROM audit.alert WHERE dedupe_key = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    raised.add(rows.getString(1));
                }
            }
        }
        return events.stream().filter(event -> rule.windowKey(event).map(key -> !raised.contains(key)).orElse(true))
                .toList();
    }

    /** The index after the last event no later than {@code event}; {@code history} is in time order. */
    private static int endOf(List<AuditEvent> history, AuditEvent event) {
        int low = 0;
        int high = history.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (history.get(middle).occurredAt().isAfter(event.occurredAt())) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The actor's events the rule asks for, within its window before the batch's latest, oldest first. */
    private static List<AuditEvent> history(Connection connection, String actorId, List<AuditEvent> events,
                                            AlertRule.History wanted) throws SQLException {
        Instant to = events.stream().map(AuditEvent::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        Instant from = events.stream().map(AuditEvent::occurredAt).min(Comparator.naturalOrder()).orElseThrow()
                .minus(wanted.window());
        String matching = "SELECT " + EventRows.COLUMNS + ", seq FROM audit.access_event WHERE actor_id = ? "
                + "AND occurred_at >= ? AND occurred_at <= ? AND " + wanted.condition();
        String latest = wanted.latestPerPatient()
                ? "SELECT * FROM (SELECT DISTINCT ON (patient_id) * FROM (" + matching + ") matching "
                        + "ORDER BY patient_id, occurred_at DESC, seq DESC) latest"
                : matching;
        try (PreparedStatement query = connection.prepareStatement(
                latest + " ORDER BY occurred_at DESC, seq DESC LIMIT ?")) {
            query.setString(1, actorId);
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            query.setInt(4, wanted.limit());
            List<AuditEvent> history = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    history.add(EventRows.read(rows));
                }
            }
            Collections.reverse(history);
            return history;
        }
    }

    private static boolean insert(Connection connection, AuditEvent event, AlertRule.Finding finding) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit.alert (id, rule, severity, "
                + "actor_id, patient_id, raised_at, evidence, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (dedupe_key) DO NOTHING")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, finding.rule());
            insert.setString(3, finding.severity().name());
            insert.setString(4, event.actorId());
            insert.setObject(5, finding.patientId());
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.setArray(7, connection.createArrayOf("uuid", finding.evidence().toArray()));
            insert.setString(8, finding.dedupeKey());
            return insert.executeUpdate() == 1;
        }
    }
}
