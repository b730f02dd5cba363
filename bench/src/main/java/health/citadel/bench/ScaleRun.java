package health.citadel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/citadel bench --scale}: the workload on the register as it is; then the register brought to
 * 100,000 patients with charts and the audit log to a million events by the application itself (its synthetic
 * register, in the background: the same encryption, revisions, sealing and chaining as a registration); then
 * the same workload again, and the time {@code audit verify} and {@code dr verify} take at that size, each of
 * which must pass.
 */
final class ScaleRun {

    /** What was loaded, and both measurements of the workload. */
    record Result(long patientsBefore, long eventsBefore, long patients, long auditEvents, double loadSeconds,
                  List<Measurement> before, List<Measurement> after, double auditVerifySeconds,
                  double drVerifySeconds) {

        /** Each operation's throughput at scale over its throughput before the load. */
        Map<String, Double> ratios() {
            Map<String, Double> ratios = new LinkedHashMap<>();
            for (Measurement at : after) {
                before.stream().filter(m -> m.operation().equals(at.operation())).findFirst()
                        .ifPresent(small -> ratios.put(at.operation(), at.opsPerSecond() / small.opsPerSecond()));
            }
            return ratios;
        }
    }

    static final int PATIENTS = 100_000;
    static final long AUDIT_EVENTS = 1_000_000;
    static final Duration LOAD_GOAL = Duration.ofMinutes(10);
    /** Past the goal the run goes on, and reports how long the load took. */
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(45);
    private static final Duration POLL = Duration.ofSeconds(5);

    private ScaleRun() {
    }

    static Result run(LocalStack stack, PrintStream out) throws Exception {
        BenchPlan plan = BenchPlan.quick();
        out.println("scale: restarting Liberty without the rate limits ...");
        stack.restartWith(stack.productionWar());
        Api api = new Api(stack.appUrl(), stack.certificate());
        Sessions sessions = Sessions.of(stack, api);
        SyntheticPatient patients = new SyntheticPatient(Long.toString(Instant.now().getEpochSecond(), 36)
                .toUpperCase(Locale.ROOT));
        long[] at = counts(stack);
        out.printf("scale: the workload on %d patients and %d audit events ...%n", at[0], at[1]);
        List<Measurement> before = workload(api, stack, sessions, patients, plan, out);

        long[] measured = counts(stack);
        long toAdd = Math.max(0, PATIENTS - measured[0]);
        // each patient brings its registration's event; the rest are reads of its chart
        long reads = toAdd == 0 ? 0 : Math.max(0, (AUDIT_EVENTS - measured[1] + toAdd - 1) / toAdd - 1);
        out.printf("scale: registering %d synthetic patients, each read %d times, through the application ...%n",
                toAdd, reads);
        long began = System.nanoTime();
        stack.restartWith(stack.productionWar(), Map.of("CITADEL_RECORDS_SYNTHETIC_PATIENTS", String.valueOf(toAdd),
                "CITADEL_RECORDS_SYNTHETIC_READS_PER_PATIENT", String.valueOf(reads)));
        long[] loaded = awaitLoaded(stack, measured[0] + toAdd, began, out);
        double loadSeconds = (System.nanoTime() - began) / 1e9;
        out.printf("  loaded in %.0f s: %d patients, %d audit events, all chained%n", loadSeconds, loaded[0], loaded[1]);
        stack.restartWith(stack.productionWar());

        List<Measurement> after = workload(api, stack, sessions, patients, plan, out);
        double auditVerify = timed(() -> {
            JsonNode verified = Api.JSON.readTree(stack.citadel("audit", "verify", "--json"));
            if (!verified.get("ok").asBoolean()) {
                throw new BenchFailure("audit verify failed at scale: " + verified);
            }
        });
        double drVerify = timed(() -> stack.citadel("dr", "verify", "--json"));
        out.printf("  audit verify %.1f s, dr verify %.1f s (both passed)%n", auditVerify, drVerify);
        return new Result(at[0], at[1], loaded[0], loaded[1], loadSeconds, before, after, auditVerify, drVerify);
    }

    private static List<Measurement> workload(Api api, LocalStack stack, Sessions sessions, SyntheticPatient patients,
                                              BenchPlan plan, PrintStream out) throws Exception {
        ChartWorkload workload = new ChartWorkload(api, stack, sessions, patients);
        workload.prepare(plan.chartPatients());
        List<Measurement> measurements = new ArrayList<>();
        for (Map.Entry<String, LoadPhase.Operation> operation : workload.operations().entrySet()) {
            Measurement measured = LoadPhase.run(operation.getKey(), Variant.PRODUCTION, plan, operation.getValue());
            out.printf("  %-22s %8.1f ops/s   p50 %6.1f ms%n", measured.operation(), measured.opsPerSecond(),
                    measured.percentileMillis(50));
            measurements.add(measured);
        }
        return measurements;
    }

    /** Patients in the register and events in the audit log, on the writer. */
    private static long[] counts(LocalStack stack) throws SQLException {
        try (Connection writer = stack.writerAsDba(); Statement statement = writer.createStatement();
             ResultSet counts = statement.executeQuery("SELECT (SELECT count(*) FROM records.patient), "
                     + "(SELECT count(*) FROM audit.access_event)")) {
            counts.next();
            return new long[] {counts.getLong(1), counts.getLong(2)};
        }
    }

    /**
     * Until the register holds {@code patients} and the chain has reached the newest audit event. Polled every few
     * seconds, by index, so the polling costs the load little.
     */
    private static long[] awaitLoaded(LocalStack stack, long patients, long began, PrintStream out) throws Exception {
        long reported = System.nanoTime();
        while (true) {
            long registered;
            long newestEvent;
            long newestChained;
            try (Connection writer = stack.writerAsDba(); Statement statement = writer.createStatement();
                 ResultSet progress = statement.executeQuery("SELECT (SELECT count(*) FROM records.patient), "
                         + "(SELECT coalesce(max(seq), 0) FROM audit.access_event), (SELECT coalesce((SELECT event_seq "
                         + "FROM audit.chain_link ORDER BY position DESC LIMIT 1), 0))")) {
                progress.next();
                registered = progress.getLong(1);
                newestEvent = progress.getLong(2);
                newestChained = progress.getLong(3);
            }
            if (registered >= patients && newestChained >= newestEvent) {
                return counts(stack);
            }
            if (System.nanoTime() - began > LOAD_LIMIT.toNanos()) {
                throw new BenchFailure("the load did not finish within " + LOAD_LIMIT + ": " + registered
                        + " patients, the chain at event " + newestChained + " of " + newestEvent);
            }
            if (System.nanoTime() - reported > 60_000_000_000L) {
                out.printf("  %d patients, the chain at audit event %d of %d%n", registered, newestChained,
                        newestEvent);
                reported = System.nanoTime();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double timed(Work work) throws Exception {
        long began = System.nanoTime();
        work.run();
        return (System.nanoTime() - began) / 1e9;
    }
}
