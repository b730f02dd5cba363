package health.citadel.dr.internal.backup;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One region's base backups, a folder each named by its start ({@code 20261206T101500Z}) holding the data
 * folder's copy and a manifest, next to the region's WAL archive. A copy in progress ends in {@code .partial}.
 */
final class BaseBackups {

    static final String DATA = "data";
    static final String MANIFEST = "manifest.json";
    private static final String PARTIAL = ".partial";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** A WAL segment's file name: timeline, then log and segment number, 8 hex digits each. */
    private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");

    /** A whole base backup: its folder and when it stopped, after which every moment can be reached. */
    record Taken(Path folder, String region, Instant stoppedAt, String stopWal) {
    }

    private final PointInTimeSettings.Storage storage;

    BaseBackups(PointInTimeSettings.Storage storage) {
        this.storage = storage;
    }

    Path start(Instant startedAt) throws IOException {
        Files.createDirectories(storage.baseBackups());
        Path partial = storage.baseBackups().resolve(NAME.format(startedAt) + PARTIAL);
        Files.createDirectory(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return partial;
    }

    Path finish(Path partial, Instant startedAt) throws IOException {
        return Files.move(partial, storage.baseBackups().resolve(NAME.format(startedAt)), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Every whole base backup, oldest first. */
    List<Taken> taken() throws IOException {
        if (!Files.isDirectory(storage.baseBackups())) {
            return List.of();
        }
        List<Taken> taken = new ArrayList<>();
        try (Stream<Path> folders = Files.list(storage.baseBackups())) {
            for (Path folder : folders.filter(f -> !f.getFileName().toString().endsWith(PARTIAL)).sorted().toList()) {
                Path manifest = folder.resolve(MANIFEST);
                if (Files.isRegularFile(manifest)) {
                    try (Reader in = Files.newBufferedReader(manifest); JsonReader json = Json.createReader(in)) {
                        JsonObject read = json.readObject();
                        taken.add(new Taken(folder, read.getString("region"),
                                Instant.parse(read.getString("stoppedAt")), read.getString("stopWal")));
                    }
                }
            }
        }
        return taken;
    }

    /** The newest base backup that had stopped by {@code moment}: a restore to it starts there. */
    Optional<Taken> newestBefore(Instant moment) throws IOException {
        return taken().stream().filter(backup -> !backup.stoppedAt().isAfter(moment))
                .max(Comparator.comparing(Taken::stoppedAt));
    }

    /**
     * Removes all but the newest {@code keep} base backups, and the archived WAL segments older than the oldest
     * kept one's start, which no restore can use any more; timeline history files stay.
     *
     * @return how many base backups were removed
     */
    int keepNewest(int keep) throws IOException {
        List<Taken> taken = taken();
        List<Taken> removed = taken.subList(0, Math.max(0, taken.size() - keep));
        for (Taken backup : removed) {
            delete(backup.folder());
        }
        if (!removed.isEmpty() && Files.isDirectory(storage.walArchive())) {
            String oldestNeeded = startWal(taken.get(removed.size()).folder());
            try (Stream<Path> archived = Files.list(storage.walArchive())) {
                for (Path segment : archived.toList()) {
                    String name = segment.getFileName().toString();
                    // the segment number, without the timeline, decides, as pg_archivecleanup compares
                    if (name.length() >= 24 && SEGMENT.matcher(name.substring(0, 24)).matches()
                            && name.substring(8, 24).compareTo(oldestNeeded.substring(8)) < 0) {
                        Files.delete(segment);
                    }
                }
            }
        }
        return removed.size();
    }

    /** The first WAL segment a base backup needs, from the label PostgreSQL wrote for it. */
    private static String startWal(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve(DATA).resolve("backup_label")).stream()
                .filter(line -> line.startsWith("START WAL LOCATION:"))
                .map(line -> line.replaceAll(".*\\(file ([0-9A-F]{24})\\).*", "$1"))
                .findFirst().orElseThrow(() -> new IOException(folder.getFileName() + " has no start in its label"));
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
