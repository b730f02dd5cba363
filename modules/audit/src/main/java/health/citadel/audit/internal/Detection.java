package health.citadel.audit.internal;

import health.citadel.audit.api.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runs every rule on newly chained events and raises an alert for each new finding, in the same transaction. */
final class Detection {

    private final List<AlertRule> rules;
    private final Duration lookback;

    Detection(List<AlertRule> rules) {
        this.rules = rules;
        this.lookback = rules.stream().map(AlertRule::lookback).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /** @return the findings that raised a new alert */
    List<AlertRule.Finding> raise(Connection connection, List<AuditEvent> committed) throws SQLException {
        Map<String, List<AuditEvent>> byActor = new LinkedHashMap<>();
        committed.forEach(event -> byActor.computeIfAbsent(event.actorId(), actor -> new ArrayList<>()).add(event));
        List<AlertRule.Finding> raised = new ArrayList<>();
        for (Map.Entry<String, List<AuditEvent>> actor : byActor.entrySet()) {
            List<AuditEvent> history = history(connection, actor.getKey(), actor.getValue());
            for (AuditEvent event : actor.getValue()) {
                List<AuditEvent> upToEvent = history.subList(0, endOf(history, event));
                for (AlertRule rule : rules) {
                    var finding = rule.evaluate(event, upToEvent);
                    if (finding.isPresent() && insert(connection, event, finding.get())) {
                        raised.add(finding.get());
                    }
                }
            }
        }
        return raised;
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

    private List<AuditEvent> history(Connection connection, String actorId, List<AuditEvent> events) throws SQLException {
        Instant from = events.stream().map(AuditEvent::occurredAt).min(Comparator.naturalOrder()).orElseThrow().minus(lookback);
        Instant to = events.stream().map(AuditEvent::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + EventRows.COLUMNS
                + " FROM audit.access_event WHERE actor_id = ? AND occurred_at >= ? AND occurred_at <= ?"
                + " ORDER BY occurred_at, seq")) {
            query.setString(1, actorId);
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            List<AuditEvent> history = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    history.add(EventRows.read(rows));
                }
            }
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
