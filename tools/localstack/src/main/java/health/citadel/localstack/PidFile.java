package health.citadel.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The process ids {@code up} records, so that {@code down} stops exactly what {@code up} started. */
final class PidFile {

    private PidFile() {
    }

    static void write(Path file, long pid) {
        try {
            Files.writeString(file, Long.toString(pid));
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The process recorded on the file's first line, if it is still alive. */
    static OptionalLong read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(file).get(0).trim());
            return Commands.alive(pid) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StackException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
