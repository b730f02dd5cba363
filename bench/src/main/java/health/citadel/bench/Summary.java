package health.citadel.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown a person reads after a run: throughput and latency side by side, then the ratios and goals. */
final class Summary {

    private Summary() {
    }

    static String markdown(BenchResults results, String command, String plot, String lagPlot) {
        BenchPlan plan = results.plan();
        StringBuilder md = new StringBuilder();
        md.append("# Citadel benchmark, ").append(results.started()).append("\n\n");
        md.append(String.format(Locale.ROOT, "`%s` (%s mode): %d clients, %d s warm-up and %d s measured per "
                        + "operation, variant and round; %d round(s); %d cores, Java %s; Liberty's JVM options: %s.%n%n",
                command, plan.mode(), plan.concurrency(), plan.warmUp().toSeconds(), plan.measured().toSeconds(),
                plan.rounds(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                LocalStack.libertyJvmOptions().isEmpty() ? "as shipped"
                        : "`" + LocalStack.libertyJvmOptions() + "` (not as shipped: not comparable)"));
        md.append("| operation | variant | ops/s | p50 ms | p95 ms | p99 ms |\n|---|---|---:|---:|---:|---:|\n");
        for (Measurement m : results.pooled()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f |%n", m.operation(),
                    m.variant().label, m.opsPerSecond(), m.percentileMillis(50), m.percentileMillis(95),
                    m.percentileMillis(99)));
        }
        md.append("\n## Ratios (production throughput ÷ the other's, same run)\n\n");
        md.append("| operation | against | ratio | goal |\n|---|---|---:|---|\n");
        for (BenchResults.Ratio ratio : results.ratios()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s |%n", ratio.operation(), ratio.against(),
                    ratio.value(), ratio.goal() == BenchResults.NO_GOAL ? "none (a floor)"
                            : String.format(Locale.ROOT, "≥ %.2f %s", ratio.goal(), ratio.meetsGoal() ? "met" : "MISSED")));
        }
        results.overall(Variant.PLAINTEXT_CIPHER).ifPresent(v -> md.append(String.format(Locale.ROOT,
                "%nEncryption overall (geometric mean over the workload): %.2f%n", v)));
        results.overall(Variant.AUDIT_REMOVED).ifPresent(v -> md.append(String.format(Locale.ROOT,
                "%nAudit overall (geometric mean over the workload): %.2f%n", v)));
        replication(md, results);
        md.append("\n## Start-up\n\n");
        BenchResults.Startup startup = results.startup();
        if (startup.upCommandSeconds() != null) {
            md.append(String.format(Locale.ROOT, "- `bin/citadel down`, then `bin/citadel up` until every part is ready: "
                    + "%.1f s (the launcher's own timing: %.1f s; Liberty's start within it: %.1f s)%n",
                    startup.upCommandSeconds(), startup.readySeconds(), startup.libertySeconds()));
        } else {
            md.append("- the whole stack's start is timed in full mode only\n");
        }
        for (BenchResults.Restart restart : results.restarts()) {
            md.append(String.format(Locale.ROOT, "- Liberty restart with the %s WAR: %.1f s, of which Liberty's own "
                    + "start until ready %.1f s%n", restart.variant().label, restart.seconds(), restart.libertySeconds()));
        }
        md.append(String.format(Locale.ROOT, "%nPatients of the no-op cipher variant erased afterwards: %d.%n",
                results.erasedPlaintextPatients()));
        cpu(md, results.productionCpu());
        profile(md, results.profile());
        md.append("\n![latency by percentile](").append(plot).append(")\n");
        md.append("\n![replication lag over time](").append(lagPlot).append(")\n");
        return md.toString();
    }

    /** Production's CPU milliseconds per operation, the machine's and each part's, from /proc. */
    private static void cpu(StringBuilder md, Map<String, Map<String, Double>> costs) {
        if (costs.isEmpty()) {
            return;
        }
        List<String> parts = List.copyOf(costs.values().iterator().next().keySet());
        md.append("\n## CPU per operation (production)\n\nMilliseconds of CPU one operation cost in its measured "
                + "window, from `/proc`: the machine's busy time, then each part's processes (a PostgreSQL region with "
                + "every process under its postmaster). What the parts leave of the machine's is the kernel's and "
                + "other processes' share.\n\n| operation | ");
        md.append(String.join(" | ", parts)).append(" |\n|---|").append("---:|".repeat(parts.size())).append('\n');
        costs.forEach((operation, millis) -> {
            md.append("| ").append(operation);
            parts.forEach(part -> md.append(String.format(Locale.ROOT, " | %.2f", millis.getOrDefault(part, 0.0))));
            md.append(" |\n");
        });
    }

    /** Where Liberty's CPU samples fell while production ran the mixed workload (JFR). */
    private static void profile(StringBuilder md, LibertyProfile.Summary profile) {
        if (profile == null) {
            return;
        }
        md.append(String.format(Locale.ROOT, "%n## Where Liberty's CPU goes%n%n%d CPU samples of Liberty (JFR, "
                + "`settings=profile`) while production ran the whole workload mixed. A sample counts for every part "
                + "of the stack its call stack passes through, so the parts overlap (a token check runs inside "
                + "JAX-RS).%n%n| part | share of samples |%n|---|---:|%n", profile.samples()));
        profile.parts().forEach(part -> md.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", part.name(),
                part.percent())));
        md.append("\n| running method | share of samples |\n|---|---:|\n");
        profile.methods().forEach(method -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n",
                method.name(), method.percent())));
    }

    private static void replication(StringBuilder md, BenchResults results) {
        Measurement lag = results.replication().lag();
        double p99 = lag.percentileMillis(99);
        md.append("\n## Replication and switchover\n\n");
        md.append(String.format(Locale.ROOT, "Standby apply lag while production ran the whole workload mixed, apart from the measured phases (%.0f writer "
                        + "commits/s): p50 %.1f ms, p99 %.1f ms (goal < %.0f ms: %s), max %.1f ms, over %d samples in "
                        + "%.0f s (%d not reached when sampling stopped). Each sample is the writer's flushed WAL position "
                        + "every 10 ms, reached when a 2 ms poll of the standby's applied position passed it.%n%n",
                results.replication().commitsPerSecond(), lag.percentileMillis(50), p99,
                BenchResults.LAG_P99_GOAL_MILLIS, p99 < BenchResults.LAG_P99_GOAL_MILLIS ? "met" : "MISSED",
                lag.percentileMillis(100), lag.operations(), results.replication().sampledSeconds(),
                results.replication().unreached()));
        double median = results.switchoverMillis(false);
        double max = results.switchoverMillis(true);
        md.append(String.format(Locale.ROOT, "%d planned switchovers under registrations: writes refused (fence to "
                        + "opening, the operation's own report) median %.0f ms (goal < %.0f ms: %s), max %.0f ms "
                        + "(goal < %.0f ms: %s). Every registration acknowledged meanwhile was on the last writer "
                        + "afterwards (the run stops if one is missing).%n%n",
                results.switchovers().size(), median, BenchResults.SWITCHOVER_MEDIAN_GOAL_MILLIS,
                median < BenchResults.SWITCHOVER_MEDIAN_GOAL_MILLIS ? "met" : "MISSED", max,
                BenchResults.SWITCHOVER_GOAL_MILLIS, max < BenchResults.SWITCHOVER_GOAL_MILLIS ? "met" : "MISSED"));
        md.append("| run | from → to | writes refused ms | longest wait of a client ms |\n|---:|---|---:|---:|\n");
        int run = 1;
        for (SwitchoverSeries.Run each : results.switchovers()) {
            md.append(String.format(Locale.ROOT, "| %d | %s → %s | %.0f | %.0f |%n", run++, each.from(), each.to(),
                    each.windowMillis(), each.clientGapMillis()));
        }
        md.append("\nThe client's wait also counts the application finding the new writer (the driver rechecks "
                + "the hosts every second).\n\nEach step's median over the runs (writes are refused from the fence "
                + "to the opening):\n\n| step | median ms |\n|---|---:|\n");
        results.switchoverStepMedians().forEach((step, millis) ->
                md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", step, millis)));
        BackupTimings.Result backups = results.backups();
        md.append(String.format(Locale.ROOT, "%n## Backups%n%nAt %d patients, after the load: a backup (`dr backup`) "
                        + "%.1f s, %d bytes encrypted; a base backup (`dr base-backup`) %.1f s, %d bytes; a "
                        + "point-in-time restore into a new cluster (`dr restore --to`) %.1f s. WAL archive lag (a "
                        + "segment closed on the writer until archived): %.0f ms.%n", backups.patients(),
                backups.backupSeconds(), backups.backupBytes(), backups.baseBackupSeconds(), backups.baseBackupBytes(),
                backups.pointInTimeRestoreSeconds(), backups.archiveLagMillis()));
    }
}
