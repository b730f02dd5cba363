package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The restore drill: a backup of the writer, copied to region B's folder, then a patient erased, then the copy
 * restored into an empty PostgreSQL cluster. The restore must reproduce the backup's rows and checksums, refuse a
 * tampered file without writing a row, and replay the erasure ledger, so the erased patient's data key does not
 * come back. A backup whose copy fails is kept, prunes nothing, and fails the command.
 */
class BackupRestoreIT {

    private static final String ROW = "SELECT t::text FROM records.patient t WHERE id = ?::uuid";

    @Test
    void aRestoreReproducesTheBackupAndAnErasedPatientStaysErased() throws Exception {
        UUID erased = Patients.register(Patients.Canary.fresh(), "1961-01-01", false);
        UUID kept = Patients.register(Patients.Canary.fresh(), "1962-02-02", false);
        String patientsAtBackup;
        String keptRow;
        String auditActor;
        try (Connection a = Regions.dba("a")) {
            patientsAtBackup = Regions.strings(a, "SELECT count(*) FROM records.patient").get(0);
            keptRow = Regions.strings(a, ROW, kept.toString()).get(0);
            auditActor = Regions.strings(a, "SELECT actor_id FROM audit.access_event WHERE patient_id = ?::uuid "
                    + "LIMIT 1", erased.toString()).get(0);
        }

        CitadelCli.Result backup = CitadelCli.run("dr", "backup", "--json");
        assertEquals(0, backup.exitCode(), backup.output());
        Path file = Path.of(backup.json().get("file").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] bytes = Files.readAllBytes(file);
        Path copy = Path.of(backup.json().get("copy").asText());
        assertEquals(Path.of(Stack.get().descriptor().at("/backups/copy").asText()).resolve(file.getFileName()), copy,
                "the copy is in region B's folder, under the backup's name");
        assertArrayEquals(bytes, Files.readAllBytes(copy));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        assertTrue(backup.json().get("copyFailed").isNull(), backup.output());
        for (JsonNode removed : backup.json().get("removed")) {
            assertTrue(Files.notExists(Path.of(removed.asText())), "retention removed " + removed);
        }
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(auditActor),
                "the audit log is stored in clear in the database, but not in the backup");

        assertEquals(200, as(Tokens.of("admin.alan")).post(patient(erased) + "/erase")
                .json(object("reason", "GDPR article 17 request")).statusCode());

        CitadelCli.Result cluster = CitadelCli.run("empty-cluster");
        assertEquals(0, cluster.exitCode(), cluster.output());
        String target = cluster.output().replaceAll("(?s).*(jdbc:postgresql://\\S+).*", "$1").trim();
        dropRestoredDatabase(target);

        Path tampered = Files.createTempFile("citadel-tampered", ".backup");
        bytes[bytes.length / 2] ^= 1;
        Files.write(tampered, bytes);
        CitadelCli.Result refused = CitadelCli.run("dr", "restore", tampered.toString(), "--into", target, "--json");
        assertEquals(1, refused.exitCode(), "a tampered backup is refused");
        assertEquals(0, restoredPatients(target), "and nothing of it was written");

        // region B's copy restores as the backup would: it is the same file
        CitadelCli.Result restore = CitadelCli.run("dr", "restore", copy.toString(), "--into", target, "--json");
        assertEquals(0, restore.exitCode(), restore.output());
        JsonNode report = restore.json();
        assertEquals(backup.json().get("rows").asLong(), report.get("rows").asLong(), "every backed-up row restored");
        assertEquals(backup.json().get("tables").asInt(), report.get("tables").asInt(), restore.output());
        assertTrue(report.get("erasuresReplayed").asInt() >= 1, "the erasure after the backup is replayed: " + report);
        try (Connection restored = connect(target)) {
            assertEquals(List.of(patientsAtBackup), Regions.strings(restored, "SELECT count(*) FROM records.patient"));
            assertEquals(List.of(keptRow), Regions.strings(restored, ROW, kept.toString()),
                    "a patient untouched since the backup is restored as the writer holds it");
            assertEquals(List.of("true"), Regions.strings(restored, "SELECT (wrapped_key IS NULL AND destroyed_at IS NOT "
                    + "NULL)::text FROM records.patient_key WHERE patient_id = ?::uuid", erased.toString()),
                    "the erased patient's data key stays destroyed");
            assertEquals(List.of("false"), Regions.strings(restored, "SELECT (wrapped_key IS NULL)::text "
                    + "FROM records.patient_key WHERE patient_id = ?::uuid", kept.toString()));
            assertEquals(List.of(erased.toString()), Regions.strings(restored, "SELECT patient_id::text "
                    + "FROM records.erasure WHERE patient_id = ?::uuid", erased.toString()), "the ledger has it too");
        }
        CitadelCli.Result again = CitadelCli.run("dr", "restore", file.toString(), "--into", target);
        assertEquals(1, again.exitCode(), "a restore never writes over rows");
    }

    @Test
    void aBackupWhoseCopyFailsIsKeptPrunesNothingAndFailsNamingWhy() throws Exception {
        Path backups = Path.of(Stack.get().descriptor().at("/backups/directory").asText());
        // region B's storage is gone: where its folder should be there is a file
        Path lost = Files.createTempFile("citadel-lost-region", "");
        List<Path> before = files(backups);

        CitadelCli.Result backup = CitadelCli.runWithErrors(Map.of("CITADEL_DR_BACKUP_COPY", lost.toString()),
                "dr", "backup", "--json");

        assertEquals(1, backup.exitCode(), backup.output());
        List<String> lines = backup.output().lines().toList();
        JsonNode report = Stack.JSON.readTree(lines.stream().filter(line -> line.startsWith("{")).findFirst().orElseThrow());
        assertTrue(report.get("copy").isNull(), backup.output());
        assertTrue(report.get("copyFailed").asText().startsWith("the copy to " + lost + ": "), backup.output());
        assertEquals(List.of("citadel: backup copy failed: " + report.get("copyFailed").asText()),
                lines.stream().filter(line -> line.startsWith("citadel: ")).toList(), "one line says why");
        Path file = Path.of(report.get("file").asText());
        assertTrue(Files.isRegularFile(file), "the backup is kept");
        List<Path> after = new ArrayList<>(before);
        after.add(file);
        assertEquals(after.stream().sorted().toList(), files(backups), "and nothing is pruned");
        List<String> journal = Files.readAllLines(Stack.get().home().resolve("dr-journal.jsonl"));
        JsonNode journaled = Stack.JSON.readTree(journal.get(journal.size() - 1));
        assertEquals("DR_BACKUP", journaled.get("action").asText());
        assertEquals("FAILURE", journaled.get("outcome").asText(), "a backup held by one region only is no success");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".backup")).sorted().toList();
        }
    }

    /** The drill's target must be empty; a rerun on the same stack starts it over. */
    private static void dropRestoredDatabase(String target) throws SQLException {
        try (Connection maintenance = connect(target.replaceFirst("/citadel(\\?|$)", "/postgres$1"))) {
            maintenance.createStatement().execute("DROP DATABASE IF EXISTS citadel WITH (FORCE)");
        }
    }

    /** Patients in the target; none where the restore did not get as far as creating its database. */
    private static long restoredPatients(String target) throws SQLException {
        try (Connection maintenance = connect(target.replaceFirst("/citadel(\\?|$)", "/postgres$1"))) {
            if (Regions.strings(maintenance, "SELECT 1 FROM pg_database WHERE datname = 'citadel'").isEmpty()) {
                return 0;
            }
        }
        try (Connection restored = connect(target)) {
            return Long.parseLong(Regions.strings(restored, "SELECT count(*) FROM records.patient").get(0));
        }
    }

    private static Connection connect(String url) throws SQLException {
        var region = Stack.get().descriptor().at("/regions/a");
        return DriverManager.getConnection(url, region.get("dbaUser").asText(), region.get("dbaPassword").asText());
    }
}
