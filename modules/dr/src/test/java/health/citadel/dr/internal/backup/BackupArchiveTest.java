package health.citadel.dr.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupArchiveTest {

    private static final BackupManifest MANIFEST = new BackupManifest(BackupManifest.FORMAT,
            Instant.parse("2026-11-22T12:00:00Z"), "a", 7, Map.of("records", "6", "audit", "4"),
            List.of(new BackupManifest.Table("records.patient", List.of("id", "version"), 25, "abc123")));

    @TempDir
    Path folder;

    @Test
    void theManifestReadsBackAsWritten() {
        assertEquals(MANIFEST, BackupManifest.parse(MANIFEST.json()));
    }

    @Test
    void anArchiveReadsBackWithItsKeyOnly() throws Exception {
        Path key = keyset("key.json");
        Path file = archive(key);
        try (ZipInputStream zip = BackupArchive.read(file, key)) {
            BackupArchive.expect(zip, BackupArchive.MANIFEST);
            assertEquals(MANIFEST, BackupManifest.parse(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
            BackupArchive.expect(zip, BackupArchive.TABLE_PREFIX + "records.patient");
            assertEquals(200_000, zip.readAllBytes().length);
        }
        Path other = keyset("other.json");
        assertThrows(IOException.class, () -> readAll(file, other), "another key reads nothing");
    }

    @Test
    void aChangedOrCutArchiveDoesNotReadBack() throws Exception {
        Path key = keyset("key.json");
        byte[] bytes = Files.readAllBytes(archive(key));
        byte[] changed = bytes.clone();
        changed[changed.length - 40] ^= 1;
        Path changedFile = Files.write(folder.resolve("changed"), changed);
        assertThrows(IOException.class, () -> readAll(changedFile, key));
        Path cut = Files.write(folder.resolve("cut"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThrows(IOException.class, () -> readAll(cut, key));
    }

    @Test
    void entriesMustComeInTheFormatsOrder() throws Exception {
        Path key = keyset("key.json");
        try (ZipInputStream zip = BackupArchive.read(archive(key), key)) {
            assertThrows(IOException.class, () -> BackupArchive.expect(zip, BackupArchive.DIGESTS));
        }
    }

    private Path archive(Path key) throws Exception {
        Path file = folder.resolve("backup-" + System.nanoTime());
        try (ZipOutputStream zip = BackupArchive.write(file, key)) {
            BackupArchive.entry(zip, BackupArchive.MANIFEST, MANIFEST.json());
            zip.putNextEntry(new java.util.zip.ZipEntry(BackupArchive.TABLE_PREFIX + "records.patient"));
            byte[] rows = new byte[200_000];
            new java.util.Random(7).nextBytes(rows);
            zip.write(rows);
            zip.closeEntry();
            BackupArchive.entry(zip, BackupArchive.DIGESTS, "{}");
        }
        return file;
    }

    private static void readAll(Path file, Path key) throws Exception {
        try (ZipInputStream zip = BackupArchive.read(file, key)) {
            while (zip.getNextEntry() != null) {
                zip.readAllBytes();
            }
        }
    }

    private Path keyset(String name) throws Exception {
        return BackupKeys.generate(folder.resolve(name));
    }
}
