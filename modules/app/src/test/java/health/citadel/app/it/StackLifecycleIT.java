package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code bin/citadel up}, {@code status} and {@code down} against the running test stack. Runs last: it
 * restarts the whole stack.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackLifecycleIT {

    private final Stack stack = Stack.get();

    @Test
    @Order(1)
    void upAgainIsHarmless() throws Exception {
        Result up = citadel("up");

        assertEquals(0, up.exitCode(), up.output());
        assertTrue(up.output().contains("Citadel is up, ready "), up.output());
        assertTrue(!up.output().contains("Starting"), "nothing was started twice: " + up.output());
        assertTrue(startup().get("libertyStartMillis").isNull(), "Liberty was not started, so not timed");
        assertEquals(0, citadel("status").exitCode());
    }

    @Test
    @Order(2)
    void downStopsEverythingAndUpKeepsBothRegionsData() throws Exception {
        String marker = UUID.randomUUID().toString();
        for (String region : List.of("a", "b")) {
            try (Connection dba = Regions.dba(region)) {
                dba.createStatement().execute("CREATE SCHEMA IF NOT EXISTS it_lifecycle");
                dba.createStatement().execute("CREATE TABLE IF NOT EXISTS it_lifecycle.marker (id uuid PRIMARY KEY)");
                try (var insert = dba.prepareStatement("INSERT INTO it_lifecycle.marker VALUES (?::uuid)")) {
                    insert.setString(1, marker);
                    insert.executeUpdate();
                }
            }
        }

        Result down = citadel("down");
        assertEquals(0, down.exitCode(), down.output());
        Result status = citadel("status");
        assertEquals(3, status.exitCode(), status.output());
        assertTrue(!status.output().contains("running"), status.output());
        int base = Integer.parseInt(System.getenv("CITADEL_PORT_BASE"));
        for (int port : new int[] {base + 32, base + 33, base + 34, base + 43, base + 80, base + 81}) {
            try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(free.isBound(), "port " + port + " is free after down");
            }
        }

        Result up = citadel("up");
        assertEquals(0, up.exitCode(), up.output());
        long ready = startup().get("readyMillis").asLong();
        long liberty = startup().get("libertyStartMillis").asLong();
        assertTrue(liberty > 0 && liberty < ready, "Liberty's start is part of the stack's: " + startup());
        for (String region : List.of("a", "b")) {
            try (Connection dba = Regions.dba(region)) {
                assertEquals(List.of(marker), Regions.strings(dba,
                        "SELECT id::text FROM it_lifecycle.marker WHERE id = ?::uuid", marker), "region " + region);
            }
        }
        assertEquals(200, stack.get("/health/ready", null).statusCode());
    }

    private record Result(int exitCode, String output) {
    }

    /** The start-up times the last up recorded, which the benchmark reports. */
    private com.fasterxml.jackson.databind.JsonNode startup() throws IOException {
        return Stack.JSON.readTree(stack.home().resolve("stack.json").toFile()).get("startup");
    }

    private Result citadel(String command) throws IOException, InterruptedException, SQLException {
        Path root = Path.of(System.getProperty("citadel.root"));
        Path output = Files.createTempFile("citadel-" + command, ".log");
        Process process = new ProcessBuilder(root.resolve("bin/citadel").toString(), command)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/citadel " + command + " hung: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }
}
