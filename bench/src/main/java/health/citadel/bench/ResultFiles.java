package health.citadel.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        Path lagPlot = directory.resolve(stamp + "-lag.png");
        LagPlot.write(results.replication(), lagPlot);
        Files.writeString(directory.resolve(stamp + ".json"), json(results, command));
        String summary = Summary.markdown(results, command, plot.getFileName().toString(),
                lagPlot.getFileName().toString());
        Path markdown = directory.resolve(stamp + ".md");
        Files.writeString(markdown, summary);
        Files.writeString(directory.resolve("latest.md"), summary);
        return markdown;
    }

    /** The run for machines: the results' JSON file, and what {@code bin/citadel bench --json} prints. */
    static String json(BenchResults results, String command) throws JsonProcessingException {
        return Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document(results, command));
    }

    private static Map<String, Object> document(BenchResults results, String command) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("command", command);
        run.put("mode", results.plan().mode());
        run.put("startedAt", results.started().toString());
        run.put("finishedAt", results.finished().toString());
        run.put("concurrency", results.plan().concurrency());
        run.put("warmUpSeconds", results.plan().warmUp().toSeconds());
        run.put("measuredSecondsPerRound", results.plan().measured().toSeconds());
        run.put("rounds", results.plan().rounds());
        run.put("libertyJvmOptions", LocalStack.libertyJvmOptions());
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
        json.put("libertyRestarts", results.restarts().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variant", r.variant().label);
            row.put("seconds", r.seconds());
            row.put("libertyStartSeconds", r.libertySeconds());
            return row;
        }).toList());
        Map<String, Object> startup = new LinkedHashMap<>();
        startup.put("upCommandSeconds", results.startup().upCommandSeconds());
        startup.put("readySeconds", results.startup().readySeconds());
        startup.put("libertyStartSeconds", results.startup().libertySeconds());
        json.put("stackStart", startup);
        Measurement lag = results.replication().lag();
        Map<String, Object> replication = new LinkedHashMap<>();
        replication.put("samples", lag.operations());
        replication.put("unreachedSamples", results.replication().unreached());
        replication.put("sampledSeconds", round(results.replication().sampledSeconds()));
        replication.put("writerCommitsPerSecond", round(results.replication().commitsPerSecond()));
        for (double percentile : List.of(50.0, 99.0, 100.0)) {
            replication.put(String.format(Locale.ROOT, "p%.0fMillis", percentile), round(lag.percentileMillis(percentile)));
        }
        replication.put("p99GoalMillis", BenchResults.LAG_P99_GOAL_MILLIS);
        json.put("replicationLag", replication);
        Map<String, Object> switchovers = new LinkedHashMap<>();
        // each run's steps too: a median hides which step made an outlier slow
        switchovers.put("runs", results.switchovers().stream().map(each -> Map.of("from", each.from(), "to", each.to(),
                "writeUnavailableMillis", round(each.windowMillis()), "clientGapMillis", round(each.clientGapMillis()),
                "steps", each.steps().stream().map(step -> Map.of("step", step.name(), "millis", round(step.millis())))
                        .toList()))
                .toList());
        Map<String, Double> stepMedians = new LinkedHashMap<>();
        results.switchoverStepMedians().forEach((step, millis) -> stepMedians.put(step, round(millis)));
        switchovers.put("stepMedianMillis", stepMedians);
        switchovers.put("medianMillis", round(results.switchoverMillis(false)));
        switchovers.put("maxMillis", round(results.switchoverMillis(true)));
        switchovers.put("medianGoalMillis", BenchResults.SWITCHOVER_MEDIAN_GOAL_MILLIS);
        switchovers.put("goalMillis", BenchResults.SWITCHOVER_GOAL_MILLIS);
        json.put("switchovers", switchovers);
        BackupTimings.Result backups = results.backups();
        Map<String, Object> backupTimes = new LinkedHashMap<>();
        backupTimes.put("patients", backups.patients());
        backupTimes.put("backupSeconds", round(backups.backupSeconds()));
        backupTimes.put("backupBytes", backups.backupBytes());
        backupTimes.put("baseBackupSeconds", round(backups.baseBackupSeconds()));
        backupTimes.put("baseBackupBytes", backups.baseBackupBytes());
        backupTimes.put("pointInTimeRestoreSeconds", round(backups.pointInTimeRestoreSeconds()));
        backupTimes.put("walArchiveLagMillis", round(backups.archiveLagMillis()));
        json.put("backups", backupTimes);
        json.put("erasedPlaintextPatients", results.erasedPlaintextPatients());
        json.put("productionCpuMillisPerOperation", results.productionCpu());
        if (results.profile() != null) {
            json.put("libertyProfile", Map.of("samples", results.profile().samples(),
                    "parts", shares(results.profile().parts()), "methods", shares(results.profile().methods())));
        }
        return json;
    }

    private static List<Map<String, Object>> shares(List<LibertyProfile.Share> shares) {
        return shares.stream().map(share -> Map.<String, Object>of("name", share.name(), "samples", share.samples(),
                "percent", round(share.percent()))).toList();
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
