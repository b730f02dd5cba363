package health.citadel.dr.internal.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.platform.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy into the other region's folder, and retention in both folders, on temporary folders. */
class BackupCopyTest {

    private static final Instant NOW = Instant.parse("2026-12-06T01:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);

    @TempDir
    Path home;
    private Path key;
    private BackupFolder backups;
    private BackupFolder copies;
    /** The phases the backup showed. */
    private final List<String> shown = new ArrayList<>();

    @BeforeEach
    void folders() throws Exception {
        key = BackupKeys.generate(home.resolve("dr-backup.json"));
        backups = new BackupFolder(home.resolve("backups"), key);
        copies = new BackupFolder(home.resolve("region-b/backups"), key);
    }

    @Test
    void aCopyIsTheBackupByteForByteUnderItsNameAndOwnerOnly() throws Exception {
        Path backup = backup(backups, NOW);

        Path copy = BackupCopy.of(backup, copies);

        assertEquals(home.resolve("region-b/backups/citadel-20261206-011500.backup"), copy);
        assertArrayEquals(Files.readAllBytes(backup), Files.readAllBytes(copy));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copies.directory())));
        assertEquals(List.of(copy), files(copies.directory()), "no temporary file is left");
        assertEquals(Map.of(NOW, copy), copies.backups());
    }

    @Test
    void aFileThatDoesNotReadBackAsABackupIsNotLeftAsACopy() throws Exception {
        Files.createDirectories(backups.directory());
        Path foreign = Files.write(backups.fileFor(NOW), new byte[4096]);

        assertThrows(IOException.class, () -> BackupCopy.of(foreign, copies));
        assertEquals(List.of(), files(copies.directory()));
    }

    @Test
    void retentionRemovesOnlyTheFoldersOwnBackups() throws Exception {
        Path old = backup(backups, NOW.minusSeconds(86_400 * 60));
        Path sameDay = backup(backups, NOW.minusSeconds(3_600));
        Path justWritten = backup(backups, NOW);
        Files.writeString(backups.directory().resolve("notes.txt"), "the DBA's");
        Path unreadable = Files.write(backups.directory().resolve("citadel-20260101-011500.backup"), new byte[64]);
        Path renamed = Files.move(backup(backups, NOW.minusSeconds(86_400 * 90)),
                backups.directory().resolve("citadel-20250101-011500.backup"));
        Path partial = Files.writeString(backups.directory().resolve("citadel-20261205-011500.backup.partial"), "");
        Path otherKey = BackupKeys.backup(backups.fileFor(NOW.minusSeconds(86_400 * 120)),
                BackupKeys.generate(home.resolve("other.json")), NOW.minusSeconds(86_400 * 120), Map.of());

        assertEquals(List.of(old, sameDay), backups.prune(new BackupRetention(7, 4), NOW, CLOCK));

        assertEquals(Stream.of(justWritten, unreadable, renamed, partial, otherKey,
                backups.directory().resolve("notes.txt")).sorted().toList(), files(backups.directory()));
    }

    @Test
    void aCopiedBackupIsRetainedInBothFolders() throws Exception {
        Path old = backup(backups, NOW.minusSeconds(86_400 * 60));
        Path oldCopy = BackupCopy.of(old, copies);
        Path justWritten = backup(backups, NOW);

        Backup.Stored stored = backup(Optional.of(copies.directory())).store(backups, justWritten, NOW);

        assertEquals(copies.directory().resolve(justWritten.getFileName()), stored.copy());
        assertNull(stored.copyFailed());
        assertEquals(List.of(old, oldCopy), stored.removed());
        assertEquals(List.of(justWritten), files(backups.directory()));
        assertEquals(List.of(stored.copy()), files(copies.directory()));
        assertEquals(List.of("copying the backup to " + copies.directory() + " and reading the copy back",
                "removing what retention no longer keeps"), shown);
    }

    @Test
    void whenTheCopyFailsTheBackupStaysAndNothingIsPruned() throws Exception {
        Path old = backup(backups, NOW.minusSeconds(86_400 * 60));
        Path justWritten = backup(backups, NOW);
        // the other region's storage is not a folder: nothing can be written there
        Path lost = Files.writeString(home.resolve("region-b"), "");

        Backup.Stored stored = backup(Optional.of(lost.resolve("backups"))).store(backups, justWritten, NOW);

        assertNull(stored.copy());
        assertTrue(stored.copyFailed().startsWith("the copy to " + lost.resolve("backups") + ": "),
                stored.copyFailed());
        assertFalse(stored.copyFailed().contains("\n"), "one line");
        assertEquals(List.of(), stored.removed());
        assertEquals(List.of(old, justWritten), files(backups.directory()));
    }

    @Test
    void withoutACopyFolderOnlyTheBackupsArePruned() throws Exception {
        Path old = backup(backups, NOW.minusSeconds(86_400 * 60));
        Path justWritten = backup(backups, NOW);

        Backup.Stored stored = backup(Optional.empty()).store(backups, justWritten, NOW);

        assertEquals(new Backup.Stored(null, null, List.of(old)), stored);
    }

    /** The backup step after the file is written; it needs no region. */
    private Backup backup(Optional<Path> copy) {
        return new Backup(null, new BackupSettings(key, backups.directory(), copy, new BackupRetention(7, 4),
                "db/migrations", "dba", "secret"), CLOCK, new Progress() {
                    @Override
                    public void phase(String what) {
                        shown.add(what);
                    }

                    @Override
                    public void counted(String what, long done, long total) {
                        shown.add(what + " " + done + "/" + total);
                    }
                });
    }

    private Path backup(BackupFolder folder, Instant takenAt) throws Exception {
        Files.createDirectories(folder.directory());
        return BackupKeys.backup(folder.fileFor(takenAt), key, takenAt, Map.of("records", "6"));
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
