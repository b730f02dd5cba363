package health.citadel.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checkpoint witness on the application's host: one JSON line per signed checkpoint, appended, fsync'd and
 * readable by its owner only. A database superuser who rewrites the chain cannot rewrite this file; in
 * production it lives on storage the DBAs do not administer.
 */
public final class WitnessFile {

    private WitnessFile() {
    }

    private static final Set<StandardOpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** Appends the checkpoint and forces it to disk before returning; a new file is created owner-only. */
    static void append(Path file, Checkpoint checkpoint) throws IOException {
        byte[] line = (checkpoint.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, APPEND, OWNER_ONLY)) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(true);
        }
    }

    /**
     * Every checkpoint in a witness file, or in every {@code *.jsonl} file of a folder (several instances' files,
     * or rotated ones). A line that is not a checkpoint is an error, so a damaged witness is noticed.
     */
    public static List<Checkpoint> read(Path fileOrFolder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> listed = Files.list(fileOrFolder)) {
                listed.filter(path -> path.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
            }
        } else if (Files.exists(fileOrFolder)) {
            files.add(fileOrFolder); // none yet (moved aside, or before the first checkpoint): nothing witnessed
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.filter(line -> !line.isBlank()).map(Checkpoint::fromJsonLine).forEach(checkpoints::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return checkpoints;
    }
}
