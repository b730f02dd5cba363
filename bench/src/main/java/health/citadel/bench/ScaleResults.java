package health.citadel.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A scale run's files: {@code <stamp>-scale.json} and {@code <stamp>-scale.md}, and {@code latest-scale.md}. */
final class ScaleResults {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ScaleResults() {
    }

    /** @return the Markdown summary's path */
    static Path write(ScaleRun.Result result, Instant started, Path directory, String command) throws IOException {
        Files.createDirectories(directory);
        String stamp = STAMP.format(started) + "-scale";
        Files.writeString(directory.resolve(stamp + ".json"), json(result, started, command));
        Path markdown = directory.resolve(stamp + ".md");
        Files.writeString(markdown, markdown(result, started, command));
        Files.writeString(directory.resolve("latest-scale.md"), markdown(result, started, command));
        return markdown;
    }

    static String json(ScaleRun.Result result, Instant started, String command) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("startedAt", started.toString());
        json.put("libertyJvmOptions", LocalStack.libertyJvmOptions());
        json.put("before", Map.of("patients", result.patientsBefore(), "auditEvents", result.eventsBefore()));
        json.put("loaded", Map.of("patients", result.patients(), "auditEvents", result.auditEvents(),
                "seconds", ResultFiles.round(result.loadSeconds()), "goalSeconds", ScaleRun.LOAD_GOAL.toSeconds()));
        Map<String, Object> operations = new LinkedHashMap<>();
        result.ratios().forEach((operation, ratio) -> operations.put(operation, Map.of(
                "opsPerSecondBefore", ResultFiles.round(opsPerSecond(result, operation, false)),
                "opsPerSecondAtScale", ResultFiles.round(opsPerSecond(result, operation, true)),
                "ratio", ResultFiles.round(ratio))));
        json.put("operations", operations);
        json.put("auditVerifySeconds", ResultFiles.round(result.auditVerifySeconds()));
        json.put("drVerifySeconds", ResultFiles.round(result.drVerifySeconds()));
        return Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
    }

    static String markdown(ScaleRun.Result result, Instant started, String command) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# Citadel at scale, %s%n%n`%s`%n%n"
                        + "Loaded by the application itself (its synthetic register, in the background) from %d patients "
                        + "and %d audit events to %d patients with charts and %d audit events, every one chained, in "
                        + "%.0f s (goal < %d min: %s).%n%n| operation | ops/s before | ops/s at scale | at scale ÷ before |%n"
                        + "|---|---:|---:|---:|%n", started, command, result.patientsBefore(), result.eventsBefore(),
                result.patients(), result.auditEvents(), result.loadSeconds(), ScaleRun.LOAD_GOAL.toMinutes(),
                result.loadSeconds() < ScaleRun.LOAD_GOAL.toSeconds() ? "met" : "MISSED"));
        result.ratios().forEach((operation, ratio) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n",
                operation, opsPerSecond(result, operation, false), opsPerSecond(result, operation, true), ratio)));
        md.append(String.format(Locale.ROOT, "%nAt that size `bin/citadel audit verify` took %.1f s and passed; "
                + "`bin/citadel dr verify` took %.1f s, both regions equal.%n", result.auditVerifySeconds(),
                result.drVerifySeconds()));
        return md.toString();
    }

    private static double opsPerSecond(ScaleRun.Result result, String operation, boolean atScale) {
        return (atScale ? result.after() : result.before()).stream().filter(m -> m.operation().equals(operation))
                .findFirst().map(Measurement::opsPerSecond).orElse(Double.NaN);
    }
}
