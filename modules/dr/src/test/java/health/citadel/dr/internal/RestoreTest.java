package health.citadel.dr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The erasure ledger's guard, which acts before the backup is read or the target touched. */
class RestoreTest {

    /** Nothing listens on port 1: a connection is refused at once. */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/citadel";
    private static final RegionAccess LOST = new RegionAccess(List.of("a", "b"),
            Map.of("a", UNREACHABLE, "b", UNREACHABLE), "dba", "secret", "replicator", "secret",
            new ApplicationLogins("citadel_app", "citadel_owner"));

    @TempDir
    Path home;

    @Test
    void withNoRegionToAnswerForTheLedgerARestoreIsRefusedUnlessTheDbaAcceptsIt() {
        Restore restore = new Restore(LOST, home.resolve("dr-backup.json"), "db/migrations");
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
}
