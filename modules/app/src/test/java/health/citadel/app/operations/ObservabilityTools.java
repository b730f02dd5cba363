package health.citadel.app.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's and Alertmanager's own tools (Debian's {@code prometheus} and {@code prometheus-alertmanager},
 * which {@code .ci/run} installs), run on the files under {@code infra/observability/}. A missing tool fails the
 * test, so that CI cannot pass without checking; {@code CITADEL_SKIP_OBSERVABILITY_TOOLS} skips it on a developer's
 * machine, saying so.
 */
public final class ObservabilityTools {

    public static final String SKIP = "CITADEL_SKIP_OBSERVABILITY_TOOLS";
    public static final String PROMTOOL = "promtool";
    public static final String AMTOOL = "amtool";
    public static final String PROMETHEUS = "prometheus";
    public static final String ALERTMANAGER = "prometheus-alertmanager";

    /** What a tool printed (standard output and error together) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    private ObservabilityTools() {
    }

    /** Fails unless every named tool is on the PATH; skips, saying why, when the developer asked to. */
    public static void require(String... tools) {
        Assumptions.assumeTrue(System.getenv(SKIP) == null, SKIP + " is set: the observability files are not checked"
                + " by Prometheus's and Alertmanager's tools");
        for (String tool : tools) {
            if (find(tool) == null) {
                fail(tool + " is not installed: install Debian's prometheus and prometheus-alertmanager packages (as"
                        + " .ci/run does), or set " + SKIP + " to skip these checks on this machine");
            }
        }
    }

    static Path find(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(folder, tool);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** infra/observability, found upwards from the working directory (the module's, under Maven). */
    public static Path home() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path observability = folder.resolve("infra/observability");
            if (Files.isDirectory(observability)) {
                return observability;
            }
        }
        throw new AssertionError("no infra/observability above " + Path.of("").toAbsolutePath());
    }

    /** The files of one kind in a folder of infra/observability, in name order. */
    public static List<Path> files(String folder, String suffix) {
        try (Stream<Path> listed = Files.list(home().resolve(folder))) {
            return listed.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a tool to its end (at most a minute) in infra/observability. */
    public static Run run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(home().toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(command + " did not finish within a minute");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a tool and asserts it exited 0, showing its output when it did not; returns the output. */
    public static String succeed(String... command) {
        return succeed(List.of(command));
    }

    public static String succeed(List<String> command) {
        Run run = run(command);
        assertEquals(0, run.exitCode(), String.join(" ", command) + " said:\n" + run.output());
        return run.output();
    }

    /** A command line: the tool and its fixed arguments, then the files. */
    public static List<String> command(List<String> tool, List<Path> files) {
        List<String> command = new ArrayList<>(tool);
        files.forEach(file -> command.add(file.toString()));
        return command;
    }

    /**
     * Starts a server (Prometheus, Alertmanager) in the background, its output going to a file in its data folder.
     * The caller stops it with {@link #stop}: by its own process, never by name.
     */
    public static Process start(List<String> command, Path data) {
        try {
            return new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true)
                    .redirectOutput(data.resolve("server.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops a server this test started: SIGTERM, then SIGKILL if it has not ended within 10 s. */
    public static void stop(Process server) throws InterruptedException {
        if (server == null) {
            return;
        }
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A port nobody listens on at the moment, on loopback, for a server this test starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
