package health.citadel.bench;

import java.util.Locale;

/** The Markdown a person reads after a run: throughput and latency side by side, then the ratios and goals. */
final class Summary {

    private Summary() {
    }

    static String markdown(BenchResults results, String command, String plot) {
        BenchPlan plan = results.plan();
        StringBuilder md = new StringBuilder();
        md.append("# Citadel benchmark, ").append(results.started()).append("\n\n");
        md.append(String.format(Locale.ROOT, "`%s` (%s mode): %d clients, %d s warm-up and %d s measured per "
                        + "operation, variant and round; %d round(s); %d cores, Java %s.%n%n", command, plan.mode(),
                plan.concurrency(), plan.warmUp().toSeconds(), plan.measured().toSeconds(), plan.rounds(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        md.append("| operation | variant | ops/s | p50 ms | p95 ms | p99 ms |\n|---|---|---:|---:|---:|---:|\n");
        for (Measurement m : results.pooled()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f |%n", m.operation(),
                    m.variant().label, m.opsPerSecond(), m.percentileMillis(50), m.percentileMillis(95),
                    m.percentileMillis(99)));
        }
        md.append("\n## Ratios (production throughput ÷ the variant's, same run)\n\n");
        md.append("| operation | against | ratio | goal |\n|---|---|---:|---|\n");
        for (BenchResults.Ratio ratio : results.ratios()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s |%n", ratio.operation(), ratio.against(),
                    ratio.value(), ratio.goal() == BenchResults.NO_GOAL ? "none (the database's floor)"
                            : String.format(Locale.ROOT, "≥ %.2f %s", ratio.goal(), ratio.meetsGoal() ? "met" : "MISSED")));
        }
        results.overall(Variant.PLAINTEXT_CIPHER).ifPresent(v -> md.append(String.format(Locale.ROOT,
                "%nEncryption overall (geometric mean over the workload): %.2f%n", v)));
        results.overall(Variant.AUDIT_REMOVED).ifPresent(v -> md.append(String.format(Locale.ROOT,
                "%nAudit overall (geometric mean over the workload): %.2f%n", v)));
        md.append("\n## Liberty restarts (stop, start, ready)\n\n");
        for (BenchResults.Restart restart : results.restarts()) {
            md.append(String.format(Locale.ROOT, "- %s: %.1f s%n", restart.variant().label, restart.seconds()));
        }
        md.append(String.format(Locale.ROOT, "%nPatients of the no-op cipher variant erased afterwards: %d.%n",
                results.erasedPlaintextPatients()));
        md.append("\n![latency by percentile](").append(plot).append(")\n");
        return md.toString();
    }
}
