package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code bin/citadel up}, {@code status} and {@code down} against the running test stack. Runs last but for
 * {@link RateLimitIT}: it restarts the whole stack, as an operator would, without the suite's lifted rate limits.
 */
@Order(Integer.MAX_VALUE - 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackLifecycleIT {

    private final Stack stack = Stack.get();

    @Test
    @Order(1)
    void upAgainIsHarmless() throws Exception {
        CitadelCli.Result up = CitadelCli.run("up");

        assertEquals(0, up.exitCode(), up.output());
        assertTrue(up.output().contains("Citadel is up, ready "), up.output());
        assertTrue(!up.output().contains("Starting"), "nothing was started twice: " + up.output());
        assertTrue(startup().get("libertyStartMillis").isNull(), "Liberty was not started, so not timed");
        assertEquals(0, CitadelCli.run("status").exitCode());
    }

    @Test
    @Order(1)
    void theStacksSecretsAreItsOwnersAlone() throws IOException {
        Path home = stack.home();
        // every key and certificate (Liberty's, the stack's authority's, PostgreSQL's), every keyset but the audit
        // key's public half, which is made to be handed out
        List<Path> secrets = new ArrayList<>(List.of(home.resolve("secrets.properties")));
        for (String folder : List.of("tls", "keys")) {
            try (var files = Files.list(home.resolve(folder))) {
                files.filter(file -> !file.getFileName().toString().endsWith(".public.json")).forEach(secrets::add);
            }
        }
        assertTrue(secrets.size() >= 10, secrets.toString());
        for (Path file : secrets) {
            assertEquals("rw-------", permissions(file), home.relativize(file).toString());
        }
        for (String folder : List.of("tls", "keycloak/data")) {
            assertEquals("rwx------", permissions(home.resolve(folder)), folder);
        }
    }

    private static String permissions(Path path) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(path));
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

        CitadelCli.Result down = CitadelCli.run("down");
        assertEquals(0, down.exitCode(), down.output());
        CitadelCli.Result status = CitadelCli.run("status");
        assertEquals(3, status.exitCode(), status.output());
        assertTrue(!status.output().contains("running"), status.output());
        int base = Integer.parseInt(System.getenv("CITADEL_PORT_BASE"));
        for (int port : new int[] {base + 32, base + 33, base + 34, base + 43, base + 80, base + 81}) {
            try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(free.isBound(), "port " + port + " is free after down");
            }
        }

        CitadelCli.Result up = CitadelCli.runWithout(RateLimitIT.SUITE_LIMITS, "up");
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
        assertEquals(200, stack.managementGet("/health/ready").statusCode());
    }

    /** The start-up times the last up recorded, which the benchmark reports. */
    private com.fasterxml.jackson.databind.JsonNode startup() throws IOException {
        return Stack.JSON.readTree(stack.home().resolve("stack.json").toFile()).get("startup");
    }
}
