package health.citadel.audit.cli;

import health.citadel.audit.api.ChainVerification;
import health.citadel.audit.internal.AuditKeys;
import health.citadel.audit.internal.ChainExpectations;
import health.citadel.audit.internal.ChainVerifier;
import health.citadel.audit.internal.Checkpoint;
import health.citadel.audit.internal.WitnessFile;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/citadel audit verify [--witness <file|folder>] [--expect-head <position>:<hash>] [--fresh-within
 * <ISO-8601 duration>]}: checks the audit chain straight from the writer's database, for when the application is
 * down, and against the checkpoints a witness holds. It needs the public keyset only. The database, keyset and
 * witness come from the local stack's {@code stack.json}, or from {@code CITADEL_AUDIT_JDBC_URL},
 * {@code CITADEL_AUDIT_DB_USER}, {@code CITADEL_AUDIT_DB_PASSWORD}, {@code CITADEL_AUDIT_PUBLIC_KEYSET} and
 * {@code CITADEL_AUDIT_WITNESS}. It prints the head it verified, for the auditor to keep and pass to
 * {@code --expect-head} later.
 */
public final class AuditCommand {

    static final int BROKEN = 1;
    static final int UNUSABLE = 2;

    private AuditCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println("citadel: " + e.getMessage());
            err.println(USAGE);
            return UNUSABLE;
        }
        try {
            Map<String, String> settings = settings(environment);
            AuditKeys keys = AuditKeys.forVerifying(Path.of(settings.get("keyset")));
            ChainExpectations expectations = expectations(options, settings.get("witness"));
            ChainVerification result;
            try (Connection connection = DriverManager.getConnection(settings.get("url"), settings.get("user"),
                    settings.get("password"))) {
                result = new ChainVerifier(keys).verify(connection, expectations);
            }
            out.println(Json.createObjectBuilder()
                    .add("ok", result.ok())
                    .add("eventsChecked", result.eventsChecked())
                    .add("firstBrokenPosition", result.firstBrokenPosition() == null ? JsonValue.NULL
                            : Json.createValue(result.firstBrokenPosition()))
                    .add("problem", result.problem() == null ? "" : result.problem())
                    .add("witnessedCheckpoints", expectations.witnessed().size())
                    .add("head", result.headPosition() + ":" + result.headHash())
                    .build());
            return result.ok() ? 0 : BROKEN;
        } catch (SQLException e) {
            err.println("citadel: cannot read the audit log (SQLState " + e.getSQLState() + "): " + e.getMessage());
            return UNUSABLE;
        } catch (IOException | RuntimeException e) {
            err.println("citadel: " + e.getMessage());
            return UNUSABLE;
        }
    }

    static final String USAGE = "usage: bin/citadel audit verify [--witness <file|folder>|none] "
            + "[--expect-head <position>:<hash>] [--fresh-within <ISO-8601 duration, e.g. PT2M>]";

    /** {@code verify} and its options, each given once with a value. */
    private static Map<String, String> options(String[] args) {
        if (args.length == 0 || !"verify".equals(args[0]) || args.length % 2 == 0) {
            throw new IllegalArgumentException("audit takes the command verify and options with values");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!Set.of("--witness", "--expect-head", "--fresh-within").contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (options.put(args[i], args[i + 1]) != null) {
                throw new IllegalArgumentException(args[i] + " is given twice");
            }
        }
        return options;
    }

    /** The witness named on the command line, else the configured one; {@code none} verifies without. */
    private static ChainExpectations expectations(Map<String, String> options, String configuredWitness)
            throws IOException {
        String witness = options.getOrDefault("--witness", configuredWitness);
        List<Checkpoint> witnessed = witness == null || witness.isEmpty() || "none".equals(witness) ? List.of()
                : WitnessFile.read(Path.of(witness));
        Instant freshSince = null;
        if (options.containsKey("--fresh-within")) {
            try {
                freshSince = Instant.now().minus(Duration.parse(options.get("--fresh-within")));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--fresh-within takes an ISO-8601 duration such as PT2M", e);
            }
        }
        String head = options.get("--expect-head");
        return new ChainExpectations(witnessed, freshSince, head == null ? null : ChainExpectations.Head.parse(head));
    }

    private static Map<String, String> settings(Map<String, String> environment) throws IOException {
        if (environment.containsKey("CITADEL_AUDIT_JDBC_URL")) {
            return Map.of("url", environment.get("CITADEL_AUDIT_JDBC_URL"),
                    "user", environment.getOrDefault("CITADEL_AUDIT_DB_USER", ""),
                    "password", environment.getOrDefault("CITADEL_AUDIT_DB_PASSWORD", ""),
                    "keyset", environment.getOrDefault("CITADEL_AUDIT_PUBLIC_KEYSET", ""),
                    "witness", environment.getOrDefault("CITADEL_AUDIT_WITNESS", ""));
        }
        Path stack = Path.of(environment.getOrDefault("CITADEL_HOME", ".citadel"), "stack.json");
        if (!Files.isRegularFile(stack)) {
            throw new IOException("no " + stack + ": start the local stack, or set CITADEL_AUDIT_JDBC_URL");
        }
        try (Reader in = Files.newBufferedReader(stack); JsonReader json = Json.createReader(in)) {
            JsonObject descriptor = json.readObject();
            JsonObject writer = descriptor.getJsonObject("regions").values().stream().map(JsonObject.class::cast)
                    .filter(region -> "writer".equals(region.getString("role"))).findFirst()
                    .orElseThrow(() -> new IOException(stack + " names no writer region"));
            JsonObject audit = descriptor.getJsonObject("audit");
            return Map.of("url", writer.getString("jdbcUrl"), "user", writer.getString("dbaUser"),
                    "password", writer.getString("dbaPassword"), "keyset", audit.getString("publicKeyset"),
                    "witness", audit.getString("witnessFile", ""));
        }
    }
}
