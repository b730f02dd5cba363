package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The operator's test of issue 18: the standby's PostgreSQL dies for a minute under a steady registration load.
 * The application is the writer's, so it stays ready and takes every write; the writer's own view keeps the
 * replication metrics counting (the standby unreachable, the lag and the WAL kept for it growing, never NaN);
 * after the standby's restart it catches up and the regions compare equal.
 */
class StandbyOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private final Stack stack = Stack.get();

    @Test
    void aDeadStandbyTakesNoWriteAndNoReadinessAwayAndIsSeenFromTheWriter() throws Exception {
        DrStatus.await(Tokens.of("dba.dana"), status -> status.get("problems").isEmpty());
        Map<String, Double> before = drMetrics();
        assertEquals(1.0, before.get("citadel_dr_standby_reachable"), before.toString());

        long refused;
        Instant killed;
        try (WriteLoad load = new WriteLoad(3)) {
            load.awaitMore(10, Duration.ofSeconds(30));
            killed = Regions.kill("b");
            Map<String, Double> seen = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(this::drMetrics, metrics -> metrics.get("citadel_dr_standby_reachable") == 0.0
                            && metrics.get("citadel_dr_standby_confirmed_age_seconds") > 3);
            assertAllNumbers(seen);
            for (Instant end = killed.plus(OUTAGE); Instant.now().isBefore(end); ) {
                assertEquals(200, stack.managementGet("/health/ready").statusCode(), "ready without the standby");
                load.awaitMore(5, Duration.ofSeconds(10));
            }
            Map<String, Double> late = drMetrics();
            assertAllNumbers(late);
            assertTrue(late.get("citadel_dr_lag_seconds") >= OUTAGE.toSeconds() - 5, "the lag counts on: " + late);
            assertTrue(late.get("citadel_dr_lag_bytes") > seen.get("citadel_dr_lag_bytes"), "WAL piles up: " + late);
            assertTrue(late.get("citadel_dr_slot_retained_wal_bytes") >= late.get("citadel_dr_lag_bytes"),
                    "the slot keeps what the standby has not confirmed: " + late);
            assertEquals(1.0, late.get("citadel_dr_slot_wal_status{status=\"reserved\"}"), late.toString());
            refused = load.refused();
        }
        assertEquals(0, refused, "no write failed while the standby was down");

        CitadelCli.Result up = CitadelCli.run("up");
        assertEquals(0, up.exitCode(), up.output());
        DrStatus.await(Tokens.of("dba.dana"), status -> status.get("problems").isEmpty()
                && status.get("lagSeconds").asDouble() < 5);
        assertEquals(1.0, drMetrics().get("citadel_dr_standby_reachable"));
        CitadelCli.Result verify = CitadelCli.run("dr", "verify", "--json");
        assertEquals(0, verify.exitCode(), verify.output());
    }

    private static final Pattern DR_SAMPLE = Pattern.compile("^(citadel_dr_[a-z_]+)(\\{[^}]*\\})? (\\S+)$",
            Pattern.MULTILINE);

    /** The DR gauges on /metrics, by name (and the status label where there is one). */
    private Map<String, Double> drMetrics() {
        Map<String, Double> metrics = new java.util.TreeMap<>();
        Matcher sample = DR_SAMPLE.matcher(stack.managementGet("/metrics").body());
        while (sample.find()) {
            String labels = sample.group(2) == null ? "" : sample.group(2);
            Matcher status = Pattern.compile("status=\"([a-z]+)\"").matcher(labels);
            String name = sample.group(1);
            metrics.put(status.find() ? name + "{status=\"" + status.group(1) + "\"}" : name,
                    Double.parseDouble(sample.group(3)));
        }
        return metrics;
    }

    private static void assertAllNumbers(Map<String, Double> metrics) {
        for (String name : new String[] {"citadel_dr_lag_seconds", "citadel_dr_lag_bytes",
                "citadel_dr_slot_retained_wal_bytes", "citadel_dr_standby_confirmed_age_seconds"}) {
            assertTrue(metrics.containsKey(name) && !metrics.get(name).isNaN(), name + " is a number: " + metrics);
        }
    }
}
