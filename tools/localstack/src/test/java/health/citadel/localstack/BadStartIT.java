package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/citadel up} under conditions it cannot start in: each ends at once with one line that says
 * what is wrong, and a non-zero exit. Nothing is started: the checks come before any process.
 */
class BadStartIT {

    /**
     * Away from a developer's stack (9400) and the integration tests' (29400), and below Linux's ephemeral ports
     * (32768 and up), where an outgoing connection may hold a port for a moment and make the check name it.
     */
    private static final int PORT_BASE = 19400;
    private static final Path ROOT = Path.of(System.getProperty("citadel.root"));

    @TempDir
    Path scratch;

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket squatter = new ServerSocket(PORT_BASE + 43, 1, InetAddress.getLoopbackAddress())) {
            String error = failingUp(Map.of("CITADEL_HOME", scratch.resolve("home").toString()));

            assertTrue(error.contains("port " + (PORT_BASE + 43) + " (Liberty HTTPS) is already in use"), error);
        }
    }

    @Test
    void aHomeThatIsAFile() throws Exception {
        Path file = Files.writeString(scratch.resolve("home"), "not a folder");

        String error = failingUp(Map.of("CITADEL_HOME", file.toString()));

        assertTrue(error.contains("$CITADEL_HOME is corrupt") && error.contains("is not a directory"), error);
    }

    @Test
    void aHomeWithAnUnreadableStackDescriptor() throws Exception {
        Path home = Files.createDirectories(scratch.resolve("home"));
        Files.writeString(home.resolve("stack.json"), "{ truncated");

        String error = failingUp(Map.of("CITADEL_HOME", home.toString()));

        assertTrue(error.contains("$CITADEL_HOME is corrupt") && error.contains("stack.json is not valid JSON"), error);
    }

    @Test
    void aHomeWithADamagedDatabaseFolder() throws Exception {
        Path home = Files.createDirectories(scratch.resolve("home"));
        Files.createDirectories(home.resolve("postgres/a"));

        String error = failingUp(Map.of("CITADEL_HOME", home.toString()));

        assertTrue(error.contains("$CITADEL_HOME is corrupt") && error.contains("no PG_VERSION"), error);
    }

    @Test
    void noJdkAnywhere() throws Exception {
        Path emptyPath = Files.createDirectories(scratch.resolve("empty-path"));

        String error = failingUp(Map.of("CITADEL_HOME", scratch.resolve("home").toString(), "PATH", emptyPath.toString()));

        assertTrue(error.contains("no JDK found"), error);
    }

    @Test
    void aJavaHomeThatIsNoJdk() throws Exception {
        String error = failingUp(Map.of("CITADEL_HOME", scratch.resolve("home").toString(),
                "JAVA_HOME", scratch.resolve("no-jdk-here").toString()));

        assertTrue(error.contains("is not a JDK"), error);
    }

    /** Runs {@code up}, expects a quick failure, and returns its one line of output. */
    private String failingUp(Map<String, String> environment) throws IOException, InterruptedException {
        Path output = scratch.resolve("output.log");
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/bash", ROOT.resolve("bin/citadel").toString(), "up"))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("CITADEL_PORT_BASE", String.valueOf(PORT_BASE));
        builder.environment().put("CITADEL_NO_BUILD", "1");
        builder.environment().put("CITADEL_WAR", scratch.resolve("no.war").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "up must fail fast, not hang");
        List<String> lines = Files.readAllLines(output).stream().filter(line -> !line.isBlank()).toList();
        assertEquals(1, process.exitValue(), String.join("\n", lines));
        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(lines.get(0).startsWith("citadel: "), lines.get(0));
        return lines.get(0);
    }
}
