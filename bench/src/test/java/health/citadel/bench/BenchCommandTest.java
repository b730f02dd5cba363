package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/citadel bench}'s command line, short of a run: help, usage errors, a missing stack, the JSON. */
class BenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpIsOnStandardOutputWithTheVariablesTheBenchReads() {
        assertEquals(0, run(Map.of(), "--help"));

        assertTrue(printed().startsWith("Usage: bin/citadel bench [-h] [--json] [--quick]"), printed());
        for (String variable : List.of("CITADEL_HOME", "CITADEL_JVM_ARGS")) {
            assertTrue(printed().contains("\n  " + variable + "\n"), variable + " in " + printed());
        }
        assertEquals("", said());
    }

    @Test
    void anUnknownOptionIsNamedWithTheUsage() {
        assertEquals(2, run(Map.of(), "--jsn"));

        assertTrue(said().startsWith("Unknown option: '--jsn'\nUsage: bin/citadel bench"), said());
        assertEquals("", printed());
    }

    @Test
    void withoutAStackItSaysSoInOneLineAndPrintsNoJson(@TempDir Path scratch) {
        assertEquals(1, run(Map.of("CITADEL_HOME", scratch.toString()), "--quick", "--json"));

        assertEquals("citadel bench: no local stack at " + scratch + ": run bin/citadel up first\n", said());
        assertEquals("", printed());
    }

    @Test
    void theJsonIsTheResultsFilesDocument() throws Exception {
        BenchResults results = new BenchResults(BenchPlan.quick(), Instant.EPOCH, Instant.EPOCH.plusSeconds(90),
                List.of(new Measurement(ChartWorkload.READ_CHART, Variant.PRODUCTION, 900, 10.0, new long[] {2_000_000})),
                List.of(), 0, new BenchResults.Startup(null, null, null), new BenchResults.Replication(
                new long[] {5_000_000}, new double[] {1.0}, 0, 6.0, 40.0), List.of(), null, List.of(),
                new BackupTimings.Result(900, 1.0, 1000, 2.0, 2000, 3.0, 40.0));

        JsonNode json = Api.JSON.readTree(ResultFiles.json(results, "bin/citadel bench --quick"));

        assertEquals("bin/citadel bench --quick", json.at("/run/command").asText());
        assertEquals(90.0, json.at("/operations/0/opsPerSecond").asDouble());
        assertEquals(5.0, json.at("/replicationLag/p50Millis").asDouble());
        assertEquals(3.0, json.at("/backups/pointInTimeRestoreSeconds").asDouble());
    }

    @Test
    void quickAndScaleAreTwoRunsNotOne(@TempDir Path scratch) {
        assertEquals(2, run(Map.of("CITADEL_HOME", scratch.toString()), "--quick", "--scale"));

        assertTrue(said().contains("--quick and --scale are two different runs"), said());
    }

    private int run(Map<String, String> environment, String... args) {
        return BenchCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String said() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
