package health.citadel.dr.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.dr.internal.RegionAccess;
import health.citadel.platform.progress.Progress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards that act before the target is touched: the erasure ledger's, before the backup is even read, and
 * the schema versions', before anything is created in the target.
 */
class RestoreTest {

    /** Nothing listens on port 1: a connection is refused at once. */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/citadel";
    private static final RegionAccess LOST = new RegionAccess(List.of("a", "b"),
            Map.of("a", UNREACHABLE, "b", UNREACHABLE), "dba", "secret", "replicator", "secret",
            new ApplicationLogins("citadel_app", "citadel_owner", "citadel_dr"));

    @TempDir
    Path home;

    @Test
    void withNoRegionToAnswerForTheLedgerARestoreIsRefusedUnlessTheDbaAcceptsIt() {
        Restore restore = new Restore(LOST, home.resolve("dr-backup.json"), "db/migrations", Progress.NONE);
        Path absent = home.resolve("citadel.backup");

        SQLException refused = assertThrows(SQLException.class,
                () -> restore.run(absent, UNREACHABLE, "dba", "secret", false));
        assertTrue(refused.getMessage().startsWith("no region answers, so erasures made after the backup cannot be "
                + "replayed"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--without-live-ledger"), refused.getMessage());

        // accepted, the restore goes on to open the backup, and stops there: not even its key exists
        NoSuchFileException opened = assertThrows(NoSuchFileException.class,
                () -> restore.run(absent, UNREACHABLE, "dba", "secret", true));
        assertEquals(home.resolve("dr-backup.json").toString(), opened.getFile());
    }

    @Test
    void aBackupFromAnotherReleaseIsRefusedBeforeTheTargetIsTouched() throws Exception {
        Path key = BackupKeys.generate(home.resolve("dr-backup.json"));
        Path migrations = home.resolve("migrations");
        for (String file : List.of("identity/V1__staff.sql", "identity/V2__teams.sql", "records/V1__patients.sql",
                "records/V3__charts.sql", "records/README.txt", "audit/flyway.location")) {
            Files.createDirectories(migrations.resolve(file).getParent());
            Files.writeString(migrations.resolve(file), "SELECT 1;");
        }
        Restore restore = new Restore(LOST, key, migrations.toString(), Progress.NONE);

        SQLException refused = assertThrows(SQLException.class, () -> restore.run(
                backup(key, Map.of("identity", "2", "records", "4", "audit", "")), UNREACHABLE, "dba", "secret", true));
        assertTrue(refused.getMessage().startsWith("this release's migrations reach schema versions "
                + "{identity=2, records=3, audit=}, not the backup's"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("(nothing was created in the target)"), refused.getMessage());

        // with the same versions the restore goes on to the target, which here does not answer
        SQLException unreachable = assertThrows(SQLException.class, () -> restore.run(
                backup(key, Map.of("identity", "2", "records", "3", "audit", "")), UNREACHABLE, "dba", "secret", true));
        assertEquals("08001", unreachable.getSQLState(), unreachable.getMessage());
    }

    /** A backup of no tables, taken by a release whose schemas stood at {@code versions}. */
    private Path backup(Path key, Map<String, String> versions) throws Exception {
        return BackupKeys.backup(home.resolve("citadel-" + System.nanoTime() + ".backup"), key,
                Instant.parse("2026-12-01T08:00:00Z"), versions);
    }
}
