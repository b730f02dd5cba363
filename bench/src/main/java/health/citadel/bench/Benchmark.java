package health.citadel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run: for each variant of the schedule, a fresh Liberty with that WAR, the patients whose charts are read,
 * a check that the variant is what it claims, then every operation of the workload in turn. Production phases
 * also measure the raw-insert floor, so that ratio too comes from neighbouring minutes.
 */
final class Benchmark {

    private final LocalStack stack;
    private final BenchPlan plan;
    private final PrintStream out;

    Benchmark(LocalStack stack, BenchPlan plan, PrintStream out) {
        this.stack = stack;
        this.plan = plan;
        this.out = out;
    }

    BenchResults run() throws IOException, InterruptedException, SQLException {
        Instant started = Instant.now();
        Api api = new Api(stack.appUrl(), stack.certificate());
        Sessions sessions = Sessions.of(stack, api);
        SyntheticPatient patients = new SyntheticPatient(Long.toString(started.getEpochSecond(), 36)
                .toUpperCase(java.util.Locale.ROOT));
        List<Measurement> measurements = new ArrayList<>();
        List<BenchResults.Restart> restarts = new ArrayList<>();
        int erased = 0;
        Variant deployed = null;
        try {
            for (Variant variant : plan.schedule()) {
                out.printf("%s: restarting Liberty ...%n", variant.label);
                Duration restart = stack.restartWith(variant.war(stack.productionWar(), stack.benchJars(), stack.workDir()));
                deployed = variant;
                restarts.add(new BenchResults.Restart(variant, restart.toMillis() / 1000.0));
                ChartWorkload workload = new ChartWorkload(api, stack, sessions, patients);
                try {
                    workload.prepare(plan.chartPatients());
                    workload.checkDeployed(variant);
                    for (Map.Entry<String, LoadPhase.Operation> operation : workload.operations().entrySet()) {
                        Measurement measured = LoadPhase.run(operation.getKey(), variant, plan, operation.getValue());
                        out.printf("  %-22s %8.1f ops/s   p50 %6.1f ms   p99 %6.1f ms%n", measured.operation(),
                                measured.opsPerSecond(), measured.percentileMillis(50), measured.percentileMillis(99));
                        measurements.add(measured);
                    }
                    if (variant == Variant.PRODUCTION) {
                        Measurement floor = RawInsertFloor.measure(stack, plan, workload.sample());
                        out.printf("  %-22s %8.1f ops/s%n", "raw JDBC insert", floor.opsPerSecond());
                        measurements.add(floor);
                    }
                } finally {
                    // the no-op cipher's patients are stored in clear: erased, no read, search or key rotation
                    // of the running stack meets a value that is not ciphertext
                    if (variant == Variant.PLAINTEXT_CIPHER) {
                        erased += workload.eraseRegistered(plan.concurrency());
                    }
                }
            }
        } finally {
            if (deployed != null && deployed != Variant.PRODUCTION) {
                out.println("restoring the production WAR ...");
                stack.restartWith(stack.productionWar());
            }
        }
        return new BenchResults(plan, started, Instant.now(), measurements, restarts, erased);
    }
}
