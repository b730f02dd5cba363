package health.citadel.dr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.backup.BackupRetention;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrCommandTest {

    /** Nothing listens on port 1: a connection is refused at once. */
    static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/citadel";
    private static final Map<String, String> UNREACHABLE_REGIONS = Map.of("CITADEL_DR_REGIONS", "a,b",
            "CITADEL_DR_REGION_A_URL", UNREACHABLE, "CITADEL_DR_REGION_B_URL", UNREACHABLE);

    private static final ReplicationStatus STOPPED = new ReplicationStatus(Instant.parse("2026-11-22T10:00:05Z"),
            new ReplicationStatus.Region("a", true, 1L, "a"), new ReplicationStatus.Region("b", true, 1L, "a"),
            4.5, 2048L, new ReplicationStatus.Slot("citadel_sub", false, "reserved", 4096L, 2048L, 12.5),
            new ReplicationStatus.Subscription("citadel_sub", false, false, 0, 0),
            Instant.parse("2026-11-22T10:00:00.5Z"), List.of("the subscription is disabled"));

    @Test
    void theJsonCarriesEveryFigureAndProblem() {
        JsonObject json = Json.createReader(new StringReader(StatusOutput.json(STOPPED))).readObject();
        assertEquals("a", json.getJsonObject("writer").getString("name"));
        assertEquals(1, json.getJsonObject("standby").getInt("epoch"));
        assertEquals(4.5, json.getJsonNumber("lagSeconds").doubleValue());
        assertEquals(2048, json.getJsonNumber("lagBytes").longValue());
        assertEquals(false, json.getJsonObject("slot").getBoolean("active"));
        assertEquals("the subscription is disabled", json.getJsonArray("problems").getString(0));
    }

    @Test
    void theTextNamesTheProblemAndAnUnknownLag() {
        String text = StatusOutput.text(STOPPED);
        assertTrue(text.contains("lag      4.50 s, 2048 bytes"), text);
        assertTrue(text.contains("PROBLEM  the subscription is disabled"), text);
        ReplicationStatus unreachable = new ReplicationStatus(Instant.EPOCH,
                new ReplicationStatus.Region("a", true, 1L, "a"), new ReplicationStatus.Region("b", false, null, null),
                null, null, null, null, null, List.of("region b cannot be read (SQLState 08001)"));
        assertTrue(StatusOutput.text(unreachable).contains("standby  region b  UNREACHABLE"), StatusOutput.text(unreachable));
        assertTrue(StatusOutput.text(unreachable).contains("lag      unknown, unknown"), StatusOutput.text(unreachable));
    }

    @Test
    void aWrongCommandLineIsRefusedWithItsUsage() {
        for (String[] wrong : List.of(new String[] {"rejoin"}, new String[] {"salvage"},
                new String[] {"switchover", "--apply"}, new String[] {"salvage", "a", "--discard-lost-commits"},
                new String[] {"migrate", "b"}, new String[] {"migrate", "--apply"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = DrCommand.run(wrong, Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(DrCommand.UNUSABLE, exit, String.join(" ", wrong));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: bin/citadel dr " + wrong[0] + " "),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anUnknownOptionIsNamedWithTheUsageOnStandardError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = DrCommand.run(new String[] {"status", "--jsn"}, Map.of(), stream(out), stream(err));

        assertEquals(DrCommand.UNUSABLE, exit);
        assertTrue(text(err).startsWith("Unknown option: '--jsn'\nUsage: bin/citadel dr status [-h] [--json]"),
                text(err));
        assertEquals("", text(out));
    }

    @Test
    void helpOfEveryCommandIsOnStandardOutputWithTheVariablesTheSettingsRead() throws Exception {
        List<String> variables = Pattern.compile("CITADEL_[A-Z_]+").matcher(Files.readString(
                Path.of("src/main/java/health/citadel/dr/cli/DrSettings.java"))).results().map(MatchResult::group)
                .distinct().toList();
        assertTrue(variables.size() > 15, variables.toString());
        for (String command : List.of("", "status", "verify", "migrate", "switchover", "failover", "fence", "salvage",
                "rejoin", "backup", "restore")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "-h"};

            assertEquals(0, DrCommand.run(args, Map.of(), stream(out), stream(err)), command);

            String help = text(out);
            assertTrue(help.startsWith("Usage: bin/citadel dr " + command), help);
            assertTrue(help.contains("Exit codes:\n  0   done; healthy; both regions the same\n"), help);
            variables.forEach(variable -> assertTrue(help.contains(variable), variable + " in " + help));
            assertEquals("", text(err), command);
        }
    }

    @Test
    void theJsonStatusOfRegionsThatDoNotAnswerParsesAndNamesTheProblem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = DrCommand.run(new String[] {"status", "--json"}, UNREACHABLE_REGIONS, stream(out),
                stream(new ByteArrayOutputStream()));

        assertEquals(DrCommand.UNHEALTHY, exit);
        JsonObject status = Json.createReader(new StringReader(text(out))).readObject();
        assertEquals(false, status.getJsonObject("writer").getBoolean("reachable"), status.toString());
        assertTrue(status.getJsonArray("problems").size() > 0, status.toString());
    }

    @Test
    void progressGoesToStandardErrorAndQuietSilencesIt() {
        for (String command : List.of("verify", "backup")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            DrCommand.run(new String[] {command, "--json"}, UNREACHABLE_REGIONS, stream(out), stream(err));

            List<String> said = text(err).lines().toList();
            assertTrue(said.get(0).startsWith("dr " + command + ": ") && said.get(0).endsWith(" ..."), text(err));
            assertTrue(said.get(said.size() - 1).startsWith("citadel: "), text(err));
            assertEquals("", text(out), "standard output holds the report only, and there is none");

            err.reset();
            DrCommand.run(new String[] {command, "--quiet"}, UNREACHABLE_REGIONS, stream(out), stream(err));

            assertTrue(text(err).lines().allMatch(line -> line.startsWith("citadel: ")), text(err));
        }
    }

    @Test
    void aFailoverIsRefusedUnlessTheDbaAcceptsTheDataLoss() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DrCommand.run(new String[] {"failover"}, Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(DrCommand.UNUSABLE, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--accept-data-loss"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedOperationIsJournaledAndSaysWhereItIsNotRecorded(@TempDir Path home) throws Exception {
        Path journal = home.resolve("dr-journal.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DrCommand.run(new String[] {"fence", "c"}, Map.of("CITADEL_DR_REGIONS", "a,b",
                        "CITADEL_DR_REGION_A_URL", UNREACHABLE, "CITADEL_DR_REGION_B_URL", UNREACHABLE,
                        "CITADEL_DR_JOURNAL", journal.toString(), "CITADEL_DR_OPERATOR", "dba-1"), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(DrCommand.UNHEALTHY, exit);
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("citadel: the operation is in the journal " + journal + " but not in region a's audit "
                + "yet (SQLState 08001)"), said);
        assertTrue(said.contains("citadel: fence failed: there is no region c"), said);
        JsonObject entry = Json.createReader(new StringReader(Files.readString(journal))).readObject();
        assertEquals("DR_FENCE", entry.getString("action"));
        assertEquals("dba-1", entry.getString("operator"));
        assertEquals("c", entry.getString("region"));
        assertEquals("FAILURE", entry.getString("outcome"));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void regionsComeFromTheEnvironmentOutsideTheLocalStack() throws Exception {
        var regions = DrSettings.from(Map.of("CITADEL_DR_REGIONS", "east, west",
                "CITADEL_DR_REGION_EAST_URL", "jdbc:postgresql://east/citadel",
                "CITADEL_DR_REGION_WEST_URL", "jdbc:postgresql://west/citadel", "CITADEL_DR_USER", "dba")).regions();
        assertEquals(List.of("east", "west"), regions.names());
        assertEquals("jdbc:postgresql://west/citadel", regions.urls().get("west"));
        assertEquals("dba", regions.dbaUser());
        assertEquals("west", regions.other("east"));
    }

    @Test
    void backupsKeepSevenDailiesAndFourWeekliesAndAreCopiedOnlyWhereTold() throws Exception {
        Map<String, String> outside = Map.of("CITADEL_DR_REGIONS", "a,b", "CITADEL_DR_REGION_A_URL", UNREACHABLE,
                "CITADEL_DR_REGION_B_URL", UNREACHABLE, "CITADEL_DR_BACKUPS", "/backups/a");
        var backups = DrSettings.from(outside).backups();
        assertEquals(new BackupRetention(7, 4), backups.retention());
        assertEquals(Optional.empty(), backups.copy());

        var told = new HashMap<>(outside);
        told.putAll(Map.of("CITADEL_DR_BACKUP_COPY", "/backups/b", "CITADEL_DR_BACKUP_KEEP_DAILY", "14",
                "CITADEL_DR_BACKUP_KEEP_WEEKLY", "0"));
        backups = DrSettings.from(told).backups();
        assertEquals(new BackupRetention(14, 0), backups.retention());
        assertEquals(Optional.of(Path.of("/backups/b")), backups.copy());
    }

    @Test
    void aBadRetentionOrACopyOntoTheBackupsIsRefusedByName() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("CITADEL_DR_BACKUP_KEEP_DAILY", "-1"),
                Map.entry("CITADEL_DR_BACKUP_KEEP_WEEKLY", "four"), Map.entry("CITADEL_DR_BACKUP_KEEP_DAILY", ""),
                Map.entry("CITADEL_DR_BACKUP_COPY", "/backups/a/"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = DrCommand.run(new String[] {"backup"}, Map.of("CITADEL_DR_REGIONS", "a,b",
                    "CITADEL_DR_REGION_A_URL", UNREACHABLE, "CITADEL_DR_REGION_B_URL", UNREACHABLE,
                    "CITADEL_DR_BACKUPS", "/backups/a", bad.getKey(), bad.getValue()), System.out,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(DrCommand.UNUSABLE, exit, bad.toString());
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("citadel: " + bad.getKey() + " is '"),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theBackupTextNamesTheCopyAndWhatRetentionRemoved() {
        String copied = Reports.text("backup", Json.createReader(new StringReader("""
                {"file":"/h/backups/citadel-20261206-011500.backup","region":"a","epoch":3,"tables":17,"rows":1200,
                "bytes":52311,"tookMillis":840.0,"copy":"/h/region-b/backups/citadel-20261206-011500.backup",
                "copyFailed":null,"retention":{"daily":7,"weekly":4},
                "removed":["/h/backups/citadel-20261101-011500.backup","/h/region-b/backups/citadel-20261101-011500.backup"]}
                """)).readObject());
        assertEquals("""
                Backed up 1200 rows in 17 tables of region a (epoch 3) to /h/backups/citadel-20261206-011500.backup \
                (52311 bytes, encrypted). Keep the backup key apart from it.
                Copied to /h/region-b/backups/citadel-20261206-011500.backup and read back whole.
                Retention (the newest of each of the last 7 days and 4 ISO weeks) removed 2:
                  /h/backups/citadel-20261101-011500.backup
                  /h/region-b/backups/citadel-20261101-011500.backup""", copied);
        String notCopied = Reports.text("backup", Json.createReader(new StringReader("""
                {"file":"/h/backups/citadel-20261206-011500.backup","region":"a","epoch":3,"tables":17,"rows":1200,
                "bytes":52311,"tookMillis":840.0,"copy":null,"copyFailed":"the copy to /h/region-b/backups: \
                java.nio.file.FileSystemException: /h/region-b/backups: No space left on device",
                "retention":{"daily":7,"weekly":4},"removed":[]}
                """)).readObject());
        assertTrue(notCopied.endsWith("""
                COPY FAILED: the copy to /h/region-b/backups: java.nio.file.FileSystemException: \
                /h/region-b/backups: No space left on device.
                Retention removed nothing: every backup stays until a copy succeeds again."""), notCopied);
    }
}
