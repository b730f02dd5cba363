package health.citadel.dr.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseBackupsTest {

    @TempDir
    Path storage;

    private BaseBackups backups() {
        return new BaseBackups(new PointInTimeSettings.Storage(storage.resolve("wal"), storage.resolve("base")));
    }

    @Test
    void aRestoreStartsFromTheNewestBaseBackupThatHadStoppedByTheMoment() throws IOException {
        take("2026-12-06T08:00:00Z", "2026-12-06T08:01:00Z", "000000010000000000000002");
        take("2026-12-06T09:00:00Z", "2026-12-06T09:01:00Z", "000000010000000000000005");

        assertEquals(Optional.empty(), backups().newestBefore(Instant.parse("2026-12-06T08:00:30Z")),
                "none had stopped yet");
        assertEquals("20261206T080000Z", backups().newestBefore(Instant.parse("2026-12-06T09:00:30Z")).orElseThrow()
                .folder().getFileName().toString(), "the second had not stopped yet");
        assertEquals("20261206T090000Z", backups().newestBefore(Instant.parse("2026-12-06T10:00:00Z")).orElseThrow()
                .folder().getFileName().toString());
    }

    @Test
    void retentionRemovesTheOldestBaseBackupsAndTheWalOnlyTheyNeeded() throws IOException {
        take("2026-12-06T08:00:00Z", "2026-12-06T08:01:00Z", "000000010000000000000002");
        take("2026-12-06T09:00:00Z", "2026-12-06T09:01:00Z", "000000010000000000000005");
        take("2026-12-06T10:00:00Z", "2026-12-06T10:01:00Z", "000000020000000000000007");
        Files.createDirectories(storage.resolve("wal"));
        for (String segment : List.of("000000010000000000000002", "000000010000000000000004",
                "000000010000000000000004.00000028.backup", "000000010000000000000005", "000000020000000000000006",
                "00000002.history")) {
            Files.writeString(storage.resolve("wal").resolve(segment), "");
        }
        Files.createDirectories(storage.resolve("base").resolve("20261206T110000Z.partial"));

        assertEquals(1, backups().keepNewest(2));

        assertEquals(List.of("20261206T090000Z", "20261206T100000Z", "20261206T110000Z.partial"), names("base"),
                "the oldest whole one went; a copy in progress is not counted");
        assertEquals(List.of("000000010000000000000005", "00000002.history", "000000020000000000000006"), names("wal"),
                "segments before the oldest kept backup's start went, whatever their timeline; history stays");
    }

    @Test
    void aFolderWithoutAManifestIsNoBaseBackup() throws IOException {
        Files.createDirectories(storage.resolve("base").resolve("20261206T080000Z"));
        assertTrue(backups().taken().isEmpty());
    }

    private void take(String started, String stopped, String startWal) throws IOException {
        Path folder = backups().finish(backups().start(Instant.parse(started)), Instant.parse(started));
        Files.createDirectories(folder.resolve(BaseBackups.DATA));
        Files.writeString(folder.resolve(BaseBackups.DATA).resolve("backup_label"),
                "START WAL LOCATION: 0/2000028 (file " + startWal + ")\nCHECKPOINT LOCATION: 0/2000080\n");
        Files.writeString(folder.resolve(BaseBackups.MANIFEST), "{\"region\":\"a\",\"startedAt\":\"" + started
                + "\",\"stoppedAt\":\"" + stopped + "\",\"stopWal\":\"" + startWal + "\"}");
    }

    private List<String> names(String folder) throws IOException {
        try (Stream<Path> files = Files.list(storage.resolve(folder))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
