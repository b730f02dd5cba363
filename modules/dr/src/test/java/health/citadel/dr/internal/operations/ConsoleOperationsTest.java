package health.citadel.dr.internal.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.dr.api.JournalEntry;
import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.platform.problem.RequestRefused;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ConsoleOperationsTest {

    /** Nothing listens on port 1: a connection is refused at once. */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/citadel";

    @TempDir
    Path home;

    @Test
    void withoutAStandbyRegionEveryOperationIsNotFound() {
        ConsoleOperations operations = configured();
        operations.config = config(Map.of());

        assertEquals(List.of(), operations.regions());
        assertRefused(Response.Status.NOT_FOUND, "no standby region is configured", () -> operations.switchover("dba-1"));
        assertRefused(Response.Status.NOT_FOUND, "no standby region is configured", operations::verify);
    }

    @Test
    void withoutTheDbaLoginTheOperationsAreUnavailable() {
        ConsoleOperations operations = configured();
        operations.dbaPassword = Optional.empty();

        assertRefused(Response.Status.SERVICE_UNAVAILABLE, "citadel.dr.password", () -> operations.fence("dba-1", "a"));
    }

    @Test
    void aFailoverNeedsTheDataLossAcceptedAndRunsNothingWithout() {
        ConsoleOperations operations = configured();

        assertRefused(Response.Status.BAD_REQUEST, "acceptDataLoss", () -> operations.failover("dba-1", false));
        assertTrue(Files.notExists(home.resolve("dr-journal.jsonl")), "nothing ran, so nothing is journaled");
    }

    @Test
    void onlyAConfiguredRegionIsFencedOrRejoined() {
        ConsoleOperations operations = configured();

        assertRefused(Response.Status.NOT_FOUND, "there is no such region", () -> operations.fence("dba-1", "c"));
        assertRefused(Response.Status.NOT_FOUND, "there is no such region", () -> operations.rejoin("dba-1", "c", true));
    }

    @Test
    void aFailedOperationIsAConflictAndJournaledUnderTheOperatorsId() throws Exception {
        ConsoleOperations operations = configured();

        assertRefused(Response.Status.CONFLICT, "the fence failed: ", () -> operations.fence("dba-1", "a"));

        JsonObject entry = Json.createReader(new StringReader(Files.readString(home.resolve("dr-journal.jsonl"))))
                .readObject();
        assertEquals("DR_FENCE", entry.getString("action"));
        assertEquals("dba-1", entry.getString("operator"));
        assertEquals("a", entry.getString("region"));
        assertEquals("FAILURE", entry.getString("outcome"));
    }

    @Test
    void theJournalIsReadNewestFirstAndADamagedOneIsNotShownAsWhole() throws Exception {
        ConsoleOperations operations = configured();
        assertEquals(List.of(), operations.journal(10), "nothing journaled yet");
        assertRefused(Response.Status.CONFLICT, "the fence failed: ", () -> operations.fence("dba-1", "a"));
        assertRefused(Response.Status.CONFLICT, "the rejoin failed: ", () -> operations.rejoin("dba-1", "b", false));

        assertEquals(List.of("DR_REJOIN", "DR_FENCE"), operations.journal(10).stream()
                .map(JournalEntry::action).toList());
        assertEquals(List.of("b"), operations.journal(1).stream().map(JournalEntry::region).toList());

        Files.writeString(home.resolve("dr-journal.jsonl"), "not a record\n", java.nio.file.StandardOpenOption.APPEND);
        assertRefused(Response.Status.SERVICE_UNAVAILABLE, "not an operation's record", () -> operations.journal(10));
    }

    private ConsoleOperations configured() {
        ConsoleOperations operations = new ConsoleOperations();
        operations.dbaUser = Optional.of("citadel_dba");
        operations.dbaPassword = Optional.of("secret");
        operations.replicatorUser = Optional.of("citadel_replicator");
        operations.replicatorPassword = Optional.of("secret");
        operations.applicationLogins = new ApplicationLogins("citadel_app", "citadel_owner", "citadel_dr");
        operations.heartbeatInterval = Duration.ofSeconds(1);
        operations.journal = home.resolve("dr-journal.jsonl").toString();
        operations.config = config(Map.of("citadel.dr.regions", "a,b", "citadel.dr.region.a.url", UNREACHABLE,
                "citadel.dr.region.b.url", UNREACHABLE));
        return operations;
    }

    /** The lookups the operations make by name: the regions, and each one's URL. */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, arguments) -> {
                    Optional<String> value = Optional.ofNullable(values.get((String) arguments[0]));
                    return switch (method.getName()) {
                        case "getOptionalValue" -> value;
                        case "getOptionalValues" -> value.map(list -> List.of(list.split(",")));
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private static void assertRefused(Response.Status status, String detail, Executable operation) {
        RequestRefused refused = assertThrows(RequestRefused.class, operation);
        assertEquals(status, refused.status(), refused.getMessage());
        assertTrue(refused.getMessage().contains(detail), refused.getMessage());
    }
}
