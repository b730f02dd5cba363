package health.citadel.dr.internal.operations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import health.citadel.dr.api.FailoverReport;
import health.citadel.dr.api.FenceReport;
import health.citadel.dr.api.RegionsCompared;
import health.citadel.dr.api.RejoinReport;
import health.citadel.dr.api.SwitchoverReport;
import health.citadel.dr.internal.backup.Backup;
import health.citadel.dr.internal.backup.BackupRetention;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reports' JSON as the command line and the journal write it. The API writes the same records with JSON-B, in
 * the order each record's {@link JsonbPropertyOrder} names, which must be the order written here.
 */
class OperationReportsTest {

    private static final SwitchoverReport SWITCHOVER = new SwitchoverReport("a", "b", 7, 0.0005, 3,
            List.of(new SwitchoverReport.Step("fence a", 1.0E7), new SwitchoverReport.Step("open b", 2.5)));
    private static final FailoverReport FAILOVER = new FailoverReport("a", "b", 8, 1012.5, 12.5, 340.25,
            Instant.parse("2026-12-06T03:10:27.123456Z"), "0/3000060");
    private static final FailoverReport FAILOVER_BLIND = new FailoverReport("a", "b", 8, 1000.0, 0.0, 1.5, null, null);
    private static final RegionsCompared COMPARED = RegionsCompared.of(List.of(
            new RegionsCompared.Table("records.patient", 10, 10, true),
            new RegionsCompared.Table("audit.access_event", 5_000_000_000L, 4, false)));

    @Test
    void eachReportKeepsItsJson() {
        assertEquals("{\"from\":\"a\",\"to\":\"b\",\"epoch\":7,\"writeUnavailableMillis\":0.00050,\"sequencesMoved\":3,"
                + "\"steps\":[{\"step\":\"fence a\",\"millis\":1.0E+7},{\"step\":\"open b\",\"millis\":2.5}]}",
                OperationReports.json(SWITCHOVER).toString());
        assertEquals("{\"from\":\"a\",\"to\":\"b\",\"epoch\":8,\"estimatedRpoMillis\":1012.5,\"lastKnownLagMillis\":12.5,"
                + "\"tookMillis\":340.25,\"lastAppliedCommit\":\"2026-12-06T03:10:27.123456Z\",\"appliedLsn\":\"0/3000060\"}",
                OperationReports.json(FAILOVER).toString());
        assertEquals("{\"from\":\"a\",\"to\":\"b\",\"epoch\":8,\"estimatedRpoMillis\":1000.0,\"lastKnownLagMillis\":0.0,"
                + "\"tookMillis\":1.5,\"lastAppliedCommit\":null,\"appliedLsn\":null}",
                OperationReports.json(FAILOVER_BLIND).toString());
        assertEquals("{\"fenced\":\"a\"}", OperationReports.json(new FenceReport("a")).toString());
        assertEquals("{\"rejoined\":\"a\",\"subscribesTo\":\"b\"}",
                OperationReports.json(new RejoinReport("a", "b")).toString());
        assertEquals("{\"same\":false,\"tables\":[{\"table\":\"records.patient\",\"writerRows\":10,\"standbyRows\":10,"
                + "\"same\":true},{\"table\":\"audit.access_event\",\"writerRows\":5000000000,\"standbyRows\":4,"
                + "\"same\":false}]}", OperationReports.json(COMPARED).toString());
        assertEquals("{\"same\":true,\"tables\":[]}", OperationReports.json(RegionsCompared.of(List.of())).toString());
    }

    @Test
    void aBackupReportNamesTheCopyAndWhatRetentionRemoved() {
        Backup.Report copied = new Backup.Report(Path.of("/h/backups/citadel-20261206-011500.backup"), "a", 3, 17, 1200,
                52_311, Duration.ofMillis(840), Path.of("/h/region-b/backups/citadel-20261206-011500.backup"), null,
                new BackupRetention(7, 4), List.of(Path.of("/h/backups/citadel-20261101-011500.backup")));
        assertEquals("{\"file\":\"/h/backups/citadel-20261206-011500.backup\",\"region\":\"a\",\"epoch\":3,"
                + "\"tables\":17,\"rows\":1200,\"bytes\":52311,\"tookMillis\":840.0,"
                + "\"copy\":\"/h/region-b/backups/citadel-20261206-011500.backup\",\"copyFailed\":null,"
                + "\"retention\":{\"daily\":7,\"weekly\":4},\"removed\":[\"/h/backups/citadel-20261101-011500.backup\"]}",
                OperationReports.backup(copied).toString());
        Backup.Report notCopied = new Backup.Report(copied.file(), "a", 3, 17, 1200, 52_311, Duration.ofMillis(840),
                null, "the copy to /h/region-b/backups: no space", new BackupRetention(7, 4), List.of());
        var json = OperationReports.backup(notCopied);
        assertEquals(JsonValue.NULL, json.get("copy"));
        assertEquals("the copy to /h/region-b/backups: no space", json.getString("copyFailed"));
        assertEquals(0, json.getJsonArray("removed").size());
    }

    @Test
    void jsonBWritesTheFieldsInTheOrderTheCommandLineDoes() {
        assertOrder(SWITCHOVER, OperationReports.json(SWITCHOVER).keySet());
        assertOrder(SWITCHOVER.steps().get(0),
                OperationReports.json(SWITCHOVER).getJsonArray("steps").getJsonObject(0).keySet());
        assertOrder(FAILOVER, OperationReports.json(FAILOVER).keySet());
        assertOrder(new RejoinReport("a", "b"), OperationReports.json(new RejoinReport("a", "b")).keySet());
        assertOrder(COMPARED, OperationReports.json(COMPARED).keySet());
        assertOrder(COMPARED.tables().get(0),
                OperationReports.json(COMPARED).getJsonArray("tables").getJsonObject(0).keySet());
    }

    @Test
    void whatTheCommandLineWritesAsNullJsonBWritesAsNullToo() throws NoSuchFieldException {
        for (var field : OperationReports.json(FAILOVER_BLIND).entrySet()) {
            if (field.getValue() == JsonValue.NULL) {
                assertNotNull(FailoverReport.class.getDeclaredField(field.getKey()).getAnnotation(JsonbNillable.class),
                        field.getKey() + ": JSON-B leaves out a null unless told");
            }
        }
    }

    private static void assertOrder(Record report, Set<String> written) {
        String[] components = Arrays.stream(report.getClass().getRecordComponents()).map(RecordComponent::getName)
                .toArray(String[]::new);
        assertArrayEquals(components, written.toArray(String[]::new), report.getClass() + " as JSON-P writes it");
        JsonbPropertyOrder order = report.getClass().getAnnotation(JsonbPropertyOrder.class);
        assertNotNull(order, report.getClass() + " needs its order: JSON-B's default is alphabetical");
        assertArrayEquals(components, order.value(), report.getClass() + " as JSON-B writes it");
    }
}
