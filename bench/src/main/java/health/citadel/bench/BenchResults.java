package health.citadel.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's measurements, pooled per operation and variant, and the ratios the issues ask for. Every ratio is
 * throughput under production divided by throughput under the variant, both from this run.
 */
record BenchResults(BenchPlan plan, Instant started, Instant finished, List<Measurement> measurements,
                    List<Restart> restarts, int erasedPlaintextPatients, Startup startup, Replication replication,
                    List<SwitchoverSeries.Run> switchovers, LibertyProfile.Summary profile, List<CpuCost> cpuCosts,
                    BackupTimings.Result backups) {

    /** The CPU milliseconds one operation cost in one measured window: the machine's, then each part's. */
    record CpuCost(String operation, Variant variant, Map<String, Double> millisPerOperation) {
    }

    /** Production's CPU cost per operation, averaged over its rounds, in the order the operations ran. */
    Map<String, Map<String, Double>> productionCpu() {
        Map<String, List<Map<String, Double>>> rounds = new LinkedHashMap<>();
        cpuCosts.stream().filter(cost -> cost.variant() == Variant.PRODUCTION && !cost.millisPerOperation().isEmpty())
                .forEach(cost -> rounds.computeIfAbsent(cost.operation(), ignored -> new ArrayList<>())
                        .add(cost.millisPerOperation()));
        Map<String, Map<String, Double>> averaged = new LinkedHashMap<>();
        rounds.forEach((operation, each) -> {
            Map<String, Double> mean = new LinkedHashMap<>();
            each.get(0).keySet().forEach(part -> mean.put(part,
                    each.stream().mapToDouble(round -> round.getOrDefault(part, 0.0)).average().orElse(0)));
            averaged.put(operation, mean);
        });
        return averaged;
    }

    /**
     * How long {@code bin/citadel restart} took until Liberty was ready with the variant's WAR, and Liberty's
     * own part of it (from its start to its readiness, as the launcher timed it).
     */
    record Restart(Variant variant, double seconds, double libertySeconds) {
    }

    /**
     * The whole stack's start, timed around {@code bin/citadel down} then {@code up} (full mode only), and as the
     * launcher itself timed it until ready; null where not measured.
     */
    record Startup(Double upCommandSeconds, Double readySeconds, Double libertySeconds) {
    }

    /**
     * The standby's apply lag sampled while production ran the workload: each lag with when it was sampled
     * (seconds since the run began), samples never reached, and the writer's commits per second meanwhile.
     */
    record Replication(long[] lagNanos, double[] sampledAtSeconds, int unreached, double sampledSeconds,
                       double commitsPerSecond) {

        Measurement lag() {
            return new Measurement("replication lag", Variant.PRODUCTION, lagNanos.length, sampledSeconds, lagNanos);
        }
    }

    static final double LAG_P99_GOAL_MILLIS = 200;
    /** Writes refused by a switchover under load: the median and the longest of the series. */
    static final double SWITCHOVER_MEDIAN_GOAL_MILLIS = 300;
    static final double SWITCHOVER_GOAL_MILLIS = 500;

    /** The switchover windows' median and maximum, in milliseconds. */
    double switchoverMillis(boolean maximum) {
        double[] windows = switchovers.stream().mapToDouble(SwitchoverSeries.Run::windowMillis).sorted().toArray();
        if (windows.length == 0) {
            return Double.NaN;
        }
        return maximum ? windows[windows.length - 1] : median(windows);
    }

    /** Each step's median over the switchovers, in the order they run: where the window goes under load. */
    Map<String, Double> switchoverStepMedians() {
        Map<String, List<Double>> byStep = new LinkedHashMap<>();
        switchovers.forEach(run -> run.steps().forEach(step ->
                byStep.computeIfAbsent(step.name(), ignored -> new ArrayList<>()).add(step.millis())));
        Map<String, Double> medians = new LinkedHashMap<>();
        byStep.forEach((step, millis) -> medians.put(step, median(millis.stream().mapToDouble(Double::doubleValue)
                .sorted().toArray())));
        return medians;
    }

    private static double median(double[] sorted) {
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Production's throughput over a variant's, for one operation. */
    record Ratio(String operation, String against, double value, double goal) {

        boolean meetsGoal() {
            return value >= goal;
        }
    }

    static final double ENCRYPTION_GOAL = 0.8;
    static final double AUDIT_GOAL = 0.85;
    /** The portal's chart page against the REST API's chart read: the page may cost a fifth more at most. */
    static final double PORTAL_GOAL = 0.8;
    static final String REST_CHART_READ = "REST read chart";
    /** A floor has no goal: it says how much of the time is the database's own, or the framework's. */
    static final double NO_GOAL = 0;

    /** Every operation and variant measured, rounds pooled, in the order first measured. */
    List<Measurement> pooled() {
        Map<String, List<Measurement>> byKey = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            byKey.computeIfAbsent(measurement.operation() + "|" + measurement.variant(), key -> new ArrayList<>())
                    .add(measurement);
        }
        return byKey.values().stream().map(Measurement::pooled).toList();
    }

    Optional<Measurement> pooled(String operation, Variant variant) {
        return pooled().stream().filter(m -> m.operation().equals(operation) && m.variant() == variant).findFirst();
    }

    List<Ratio> ratios() {
        List<Ratio> ratios = new ArrayList<>();
        for (String operation : ChartWorkload.OPERATIONS) {
            ratio(operation, Variant.PLAINTEXT_CIPHER, ENCRYPTION_GOAL).ifPresent(ratios::add);
        }
        for (String operation : ChartWorkload.OPERATIONS) {
            ratio(operation, Variant.AUDIT_REMOVED, AUDIT_GOAL).ifPresent(ratios::add);
        }
        pooled(ChartWorkload.CREATE_PATIENT, Variant.PRODUCTION).ifPresent(citadel ->
                pooled(RawInsertFloor.OPERATION, Variant.PRODUCTION).ifPresent(floor -> ratios.add(new Ratio(
                        ChartWorkload.CREATE_PATIENT, "raw JDBC insert", citadel.opsPerSecond() / floor.opsPerSecond(),
                        NO_GOAL))));
        pooled(ChartWorkload.WHO_AM_I, Variant.PRODUCTION).ifPresent(floor -> {
            for (String operation : ChartWorkload.OPERATIONS) {
                pooled(operation, Variant.PRODUCTION).ifPresent(citadel -> ratios.add(new Ratio(operation,
                        ChartWorkload.WHO_AM_I, citadel.opsPerSecond() / floor.opsPerSecond(), NO_GOAL)));
            }
        });
        pooled(ChartWorkload.PORTAL_CHART_PAGE, Variant.PRODUCTION).ifPresent(page ->
                pooled(ChartWorkload.READ_CHART, Variant.PRODUCTION).ifPresent(rest -> ratios.add(new Ratio(
                        ChartWorkload.PORTAL_CHART_PAGE, REST_CHART_READ, page.opsPerSecond() / rest.opsPerSecond(),
                        PORTAL_GOAL))));
        return ratios;
    }

    /** The geometric mean of the workload's ratios against one variant: no one operation's rate dominates. */
    Optional<Double> overall(Variant against) {
        List<Double> values = ratios().stream().filter(r -> r.against().equals(against.label))
                .map(Ratio::value).toList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Math.exp(values.stream().mapToDouble(Math::log).sum() / values.size()));
    }

    private Optional<Ratio> ratio(String operation, Variant against, double goal) {
        return pooled(operation, Variant.PRODUCTION).flatMap(production -> pooled(operation, against)
                .map(other -> new Ratio(operation, against.label, production.opsPerSecond() / other.opsPerSecond(), goal)));
    }
}
