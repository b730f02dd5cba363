package health.citadel.dr.internal.backup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A cluster a point-in-time restore made, started with PostgreSQL's {@code pg_ctl}. PostgreSQL refuses to run as
 * root; as root it runs in a fresh user namespace, where the same process is unprivileged, as the local stack
 * runs its regions.
 */
final class RecoveredCluster {

    private static final Duration START = Duration.ofMinutes(10);
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path postgresBin;
    private final Path data;

    RecoveredCluster(Path postgresBin, Path data) {
        this.postgresBin = postgresBin;
        this.data = data;
    }

    /** Where the server logs: beside the data folder, not in it, so that the folder stays a clean copy. */
    Path log() {
        return data.resolveSibling(data.getFileName() + ".log");
    }

    /** Starts it, waiting until it accepts connections: during the recovery, once the data is consistent. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                log().toString(), "-w", "-t", String.valueOf(START.toSeconds()), "start"));
        Process process = new ProcessBuilder(command).redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        if (!process.waitFor(START.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("the recovered cluster did not start within " + START.toMinutes() + " minutes; see "
                    + log());
        }
        if (process.exitValue() != 0) {
            throw new IOException("the recovered cluster did not start (the target may lie beyond the archived WAL); "
                    + "see " + log());
        }
    }
}
