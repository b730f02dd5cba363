package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The launcher's words: each command's help, the usage for anything else, and a status that only looks. */
class CitadelCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"up --monitoring", "down --with-monitoring", "up --with-monitoring extra", "", "start"})
    void anythingElseIsAnsweredWithTheUsage(String line) {
        int exit = run(Map.of(), line.isEmpty() ? new String[0] : line.split(" "));

        assertEquals(CitadelCommand.USAGE, exit, line);
        assertTrue(said().contains("Usage: bin/citadel"), said());
        assertEquals("", printed());
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertEquals(CitadelCommand.USAGE, run(Map.of(), "status", "--jsn"));

        assertTrue(said().startsWith("Unknown option: '--jsn'\nUsage: bin/citadel status [-h] [--json]"), said());
    }

    @Test
    void theHelpListsEveryCommandBinCitadelRunsAndTheVariablesTheLauncherReads() {
        assertEquals(0, run(Map.of(), "--help"));

        String help = printed();
        for (String command : List.of("up", "down", "status", "restart", "empty-cluster", "audit", "dr", "bench")) {
            assertTrue(Pattern.compile("(?m)^  " + command + " ").matcher(help).find(), command + " in " + help);
        }
        LocalStack.LAUNCHER_SETTINGS.forEach(variable -> assertTrue(help.contains(variable), variable + " in " + help));
        assertTrue(help.contains("any other CITADEL_ variable: handed to the application"), help);
        assertEquals("", said());
    }

    @Test
    void everyCommandHasItsHelpOnStandardOutput() {
        for (String command : List.of("up", "down", "status", "restart", "empty-cluster")) {
            out.reset();
            assertEquals(0, run(Map.of(), command, "-h"), command);
            assertTrue(printed().startsWith("Usage: bin/citadel " + command + " [-h]"), printed());
            assertTrue(printed().contains("Environment:\n  CITADEL_HOME\n"), printed());
        }
        assertTrue(printed().contains("Starts an empty PostgreSQL cluster"), printed());
        assertEquals("", said());
    }

    @Test
    void statusAndDownOfAMissingHomeCreateNothing(@TempDir Path scratch) throws Exception {
        Path home = scratch.resolve("never-up");

        assertEquals(CitadelCommand.STOPPED, run(Map.of("CITADEL_HOME", home.toString()), "status"));
        assertTrue(printed().startsWith("stopped  PostgreSQL region A  jdbc:postgresql://127.0.0.1:9432/"), printed());
        assertFalse(Files.exists(home), "status made " + home);

        out.reset();
        assertEquals(CitadelCommand.STOPPED, run(Map.of("CITADEL_HOME", home.toString()), "status", "--json"));
        JsonNode status = new ObjectMapper().readTree(printed());
        assertFalse(status.get("running").asBoolean());
        assertEquals(home.toString(), status.get("home").asText());
        assertEquals(List.of("PostgreSQL region A", "PostgreSQL region B", "Keycloak", "Liberty"),
                status.findValuesAsText("name"));
        status.get("parts").forEach(part -> assertEquals("stopped", part.get("state").asText(), part.toString()));
        assertEquals("https://localhost:9444", status.at("/parts/3/managementUrl").asText());
        assertFalse(Files.exists(home), "status --json made " + home);
        assertEquals(0, run(Map.of("CITADEL_HOME", home.toString()), "down"));
        assertFalse(Files.exists(home), "down made " + home);
        assertEquals("", said());
    }

    @Test
    void aHomeThatIsAFileIsOneLineOnStandardErrorAndExitOne(@TempDir Path scratch) throws Exception {
        Path file = Files.writeString(scratch.resolve("home"), "not a folder");

        assertEquals(CitadelCommand.FAILED, run(Map.of("CITADEL_HOME", file.toString()), "status"));

        assertEquals("citadel: $CITADEL_HOME is corrupt: " + file + " is not a directory; move the folder aside (or "
                + "delete it) to start a fresh stack\n", said());
        assertEquals("", printed());
    }

    private int run(Map<String, String> environment, String... args) {
        return CitadelCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String said() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
