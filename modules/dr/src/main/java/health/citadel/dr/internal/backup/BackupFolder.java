package health.citadel.dr.internal.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A folder {@code dr backup} writes to: its files are named after the UTC second they were taken, appear under
 * that name only once whole and on disk, and are the only ones retention ever removes.
 */
final class BackupFolder {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'citadel-'yyyyMMdd-HHmmss'.backup'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern OWN_NAME = Pattern.compile("citadel-\\d{8}-\\d{6}\\.backup");

    private final Path directory;
    private final Path keyset;

    BackupFolder(Path directory, Path keyset) {
        this.directory = directory;
        this.keyset = keyset;
    }

    Path directory() {
        return directory;
    }

    Path fileFor(Instant takenAt) {
        return directory.resolve(NAME.format(takenAt));
    }

    /** An empty, owner-only file beside {@code file} to write it under, until {@link #finish} names it. */
    Path start(Path file) throws IOException {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        return Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /** Flushes the written file to disk, then names it, then flushes the name: a crash leaves it whole or absent. */
    void finish(Path partial, Path file) throws IOException {
        try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    /**
     * The backups this folder holds, by when each was taken: files of this naming whose manifest this key reads
     * and names the same second. Anything else (another tool's file, one cut short, one under another key) is
     * not ours to judge and is left alone.
     */
    Map<Instant, Path> backups() throws IOException {
        Map<Instant, Path> backups = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return backups;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (OWN_NAME.matcher(file.getFileName().toString()).matches()
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    takenAt(file).ifPresent(takenAt -> backups.put(takenAt, file));
                }
            }
        }
        return backups;
    }

    /** The manifest of a backup written with this folder's key. */
    BackupManifest manifest(Path file) throws IOException, GeneralSecurityException {
        return BackupManifest.read(file, keyset);
    }

    private Optional<Instant> takenAt(Path file) {
        try {
            Instant takenAt = manifest(file).takenAt();
            return fileFor(takenAt).equals(file) ? Optional.of(takenAt) : Optional.empty();
        } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Deletes the backups {@code retention} no longer keeps, never {@code justWritten}; what it deleted. */
    List<Path> prune(BackupRetention retention, Instant justWritten, Clock clock) throws IOException {
        Map<Instant, Path> backups = backups();
        List<Path> removed = new ArrayList<>();
        for (Instant takenAt : retention.toRemove(backups.keySet(), justWritten, clock)) {
            Path file = backups.get(takenAt);
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new IOException("retention could not remove " + file + " (" + e + "); it had removed "
                        + removed, e);
            }
            removed.add(file);
        }
        return removed;
    }
}
