package health.citadel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run: for each variant of the schedule, a fresh Liberty with that WAR, the patients whose charts are read,
 * a check that the variant is what it claims, then every operation of the workload in turn. Production phases
 * also measure the raw-insert floor, so that ratio too comes from neighbouring minutes. Then, on production,
 * the standby's lag under the mixed workload and a series of planned switchovers; the full run begins by
 * timing the whole stack's start.
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

    BenchResults run() throws Exception {
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        BenchResults.Startup startup = new BenchResults.Startup(null, null, null);
        if (plan.timesStackStart()) {
            out.println("stack: bin/citadel down, then up, timed ...");
            Duration up = stack.downAndUp();
            startup = new BenchResults.Startup(seconds(up), launcherSeconds("readyMillis"),
                    launcherSeconds("libertyStartMillis"));
            out.printf("  up until ready %.1f s (Liberty's own start %.1f s)%n", startup.upCommandSeconds(),
                    startup.libertySeconds());
        }
        Api api = new Api(stack.appUrl(), stack.certificate());
        Sessions sessions = Sessions.of(stack, api);
        SyntheticPatient patients = new SyntheticPatient(Long.toString(started.getEpochSecond(), 36)
                .toUpperCase(Locale.ROOT));
        List<Measurement> measurements = new ArrayList<>();
        List<BenchResults.Restart> restarts = new ArrayList<>();
        List<BenchResults.CpuCost> cpuCosts = new ArrayList<>();
        int erased = 0;
        Variant deployed = null;
        ChartWorkload production = null;
        try {
            for (Variant variant : plan.schedule()) {
                out.printf("%s: restarting Liberty ...%n", variant.label);
                Duration restart = stack.restartWith(variant.war(stack.productionWar(), stack.benchJars(), stack.workDir()));
                deployed = variant;
                restarts.add(new BenchResults.Restart(variant, seconds(restart), launcherSeconds("libertyStartMillis")));
                ChartWorkload workload = new ChartWorkload(api, stack, sessions, patients);
                try {
                    workload.prepare(plan.chartPatients());
                    workload.checkDeployed(variant);
                    Map<String, LoadPhase.Operation> operations = new LinkedHashMap<>(workload.operations());
                    if (variant == Variant.PRODUCTION) {
                        operations.putAll(workload.portalOperations());
                    }
                    // the parts' processes as this restart left them: Liberty's is new with each variant
                    MachineCpu cpu = new MachineCpu(stack.cpuParts());
                    for (Map.Entry<String, LoadPhase.Operation> operation : operations.entrySet()) {
                        LoadPhase.Metered metered = LoadPhase.runMetered(operation.getKey(), variant, plan,
                                operation.getValue(), cpu);
                        Measurement measured = metered.measurement();
                        out.printf("  %-22s %8.1f ops/s   p50 %6.1f ms   p99 %6.1f ms   CPU %5.1f ms/op%n",
                                measured.operation(), measured.opsPerSecond(), measured.percentileMillis(50),
                                measured.percentileMillis(99),
                                metered.cost().millisPerOperation().getOrDefault(MachineCpu.MACHINE, Double.NaN));
                        measurements.add(measured);
                        cpuCosts.add(metered.cost());
                    }
                    if (variant == Variant.PRODUCTION) {
                        production = workload;
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
        BenchResults.Replication replication = replication(production, startedNanos);
        out.printf("replication lag: p50 %.1f ms, p99 %.1f ms over %d samples%n",
                replication.lag().percentileMillis(50), replication.lag().percentileMillis(99),
                replication.lagNanos().length);
        out.printf("%d planned switchovers while %d clients register patients ...%n", plan.switchovers(), SWITCHOVER_CLIENTS);
        List<SwitchoverSeries.Run> switchovers = SwitchoverSeries.run(stack,
                production.operations().get(ChartWorkload.CREATE_PATIENT), plan.switchovers(), SWITCHOVER_CLIENTS, out);
        BackupTimings.Result backups = BackupTimings.measure(stack, out);
        return new BenchResults(plan, started, Instant.now(), measurements, restarts, erased, startup, replication,
                switchovers, profile, cpuCosts, backups);
    }

    private static final int SWITCHOVER_CLIENTS = 3;

    /** Where Liberty's CPU went while production ran the mixed workload; set by {@link #replication}. */
    private LibertyProfile.Summary profile;

    private Double launcherSeconds(String field) throws IOException {
        var value = stack.startup().get(field);
        return value == null || value.isNull() ? null : value.asLong() / 1000.0;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /**
     * The standby's lag, sampled while production runs the whole workload mixed: apart from the measured
     * phases, because the sampling's queries cost CPU the ratios must not pay. Liberty's JFR profile is recorded
     * in the same phase, for the same reason.
     */
    private BenchResults.Replication replication(ChartWorkload production, long runStartedNanos) throws Exception {
        List<LoadPhase.Operation> mixed = List.copyOf(production.operations().values());
        AtomicLong turn = new AtomicLong();
        double commitsPerSecond;
        long stopped;
        StandbyLag.Result lag;
        // closing stops the sampling threads and the recording even when the workload fails
        LibertyProfile recording = LibertyProfile.start(stack.libertyPid(), stack.workDir().resolve("liberty.jfr"));
        try (recording; LagSampler sampler = new LagSampler(stack)) {
            LoadPhase.run("chart workload, mixed", Variant.PRODUCTION, plan.replicationPhase(),
                    client -> mixed.get((int) (turn.getAndIncrement() % mixed.size())).call(client));
            commitsPerSecond = sampler.commitsPerSecond();
            stopped = System.nanoTime();
            lag = sampler.stop();
        }
        profile = recording.summary();
        double[] at = new double[lag.sampledAtNanos().length];
        for (int i = 0; i < at.length; i++) {
            at[i] = (lag.sampledAtNanos()[i] - runStartedNanos) / 1e9;
        }
        double seconds = at.length == 0 ? 0 : (stopped - lag.sampledAtNanos()[0]) / 1e9;
        return new BenchResults.Replication(lag.lagNanos(), at, lag.unreached(), seconds, commitsPerSecond);
    }
}
