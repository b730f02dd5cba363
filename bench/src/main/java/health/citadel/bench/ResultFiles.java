package health.citadel.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's files under {@code bench/results/}: the machine-readable JSON, a Markdown summary for people, and the
 * latency plot. {@code latest.md} is a copy of the newest summary.
 */
final class ResultFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ResultFiles() {
    }

    /** @return the Markdown summary's path */
    static Path write(BenchResults results, Path directory, String command) throws IOException {
        Files.createDirectories(directory);
        String stamp = STAMP.format(results.started());
        Path plot = directory.resolve(stamp + "-latency.png");
        LatencyPlot.write(results.pooled(), plot);
        Files.writeString(directory.resolve(stamp + ".json"), Api.JSON.copy()
                .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(results, command)));
        String summary = Summary.markdown(results, command, plot.getFileName().toString());
        Path markdown = directory.resolve(stamp + ".md");
        Files.writeString(markdown, summary);
        Files.writeString(directory.resolve("latest.md"), summary);
        return markdown;
    }

    private static Map<String, Object> json(BenchResults results, String command) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("command", command);
        run.put("mode", results.plan().mode());
        run.put("startedAt", results.started().toString());
        run.put("finishedAt", results.finished().toString());
        run.put("concurrency", results.plan().concurrency());
        run.put("warmUpSeconds", results.plan().warmUp().toSeconds());
        run.put("measuredSecondsPerRound", results.plan().measured().toSeconds());
        run.put("rounds", results.plan().rounds());
        run.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("operations", results.pooled().stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", m.operation());
            row.put("variant", m.variant().label);
            row.put("operations", m.operations());
            row.put("seconds", m.seconds());
            row.put("opsPerSecond", round(m.opsPerSecond()));
            for (double percentile : List.of(50.0, 95.0, 99.0)) {
                row.put(String.format(Locale.ROOT, "p%.0fMillis", percentile), round(m.percentileMillis(percentile)));
            }
            return row;
        }).toList());
        json.put("ratios", results.ratios().stream().map(r -> Map.of("operation", r.operation(), "against",
                r.against(), "ratio", round(r.value()), "goal", r.goal())).toList());
        Map<String, Object> overall = new LinkedHashMap<>();
        results.overall(Variant.PLAINTEXT_CIPHER).ifPresent(v -> overall.put("encryption", round(v)));
        results.overall(Variant.AUDIT_REMOVED).ifPresent(v -> overall.put("audit", round(v)));
        json.put("overallRatios", overall);
        json.put("libertyRestarts", results.restarts().stream()
                .map(r -> Map.of("variant", r.variant().label, "seconds", r.seconds())).toList());
        json.put("erasedPlaintextPatients", results.erasedPlaintextPatients());
        return json;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
