package health.citadel.audit.cli;

import health.citadel.audit.api.ChainVerification;
import health.citadel.audit.internal.AuditKeys;
import health.citadel.audit.internal.ChainVerifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code bin/citadel audit verify}: checks the audit chain straight from the writer's database, for when the
 * application is down. It needs the public keyset only. The database and keyset come from the local stack's
 * {@code stack.json}, or from {@code CITADEL_AUDIT_JDBC_URL}, {@code CITADEL_AUDIT_DB_USER},
 * {@code CITADEL_AUDIT_DB_PASSWORD} and {@code CITADEL_AUDIT_PUBLIC_KEYSET}.
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
        if (args.length != 1 || !"verify".equals(args[0])) {
            err.println("usage: bin/citadel audit verify");
            return UNUSABLE;
        }
        try {
            Map<String, String> settings = settings(environment);
            AuditKeys keys = AuditKeys.forVerifying(Path.of(settings.get("keyset")));
            ChainVerification result;
            try (Connection connection = DriverManager.getConnection(settings.get("url"), settings.get("user"),
                    settings.get("password"))) {
                result = new ChainVerifier(keys).verify(connection);
            }
            out.println(Json.createObjectBuilder()
                    .add("ok", result.ok())
                    .add("eventsChecked", result.eventsChecked())
                    .add("firstBrokenPosition", result.firstBrokenPosition() == null ? jakarta.json.JsonValue.NULL
                            : Json.createValue(result.firstBrokenPosition()))
                    .add("problem", result.problem() == null ? "" : result.problem())
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

    private static Map<String, String> settings(Map<String, String> environment) throws IOException {
        if (environment.containsKey("CITADEL_AUDIT_JDBC_URL")) {
            return Map.of("url", environment.get("CITADEL_AUDIT_JDBC_URL"),
                    "user", environment.getOrDefault("CITADEL_AUDIT_DB_USER", ""),
                    "password", environment.getOrDefault("CITADEL_AUDIT_DB_PASSWORD", ""),
                    "keyset", environment.getOrDefault("CITADEL_AUDIT_PUBLIC_KEYSET", ""));
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
            return Map.of("url", writer.getString("jdbcUrl"), "user", writer.getString("dbaUser"),
                    "password", writer.getString("dbaPassword"),
                    "keyset", descriptor.getJsonObject("audit").getString("publicKeyset"));
        }
    }
}
