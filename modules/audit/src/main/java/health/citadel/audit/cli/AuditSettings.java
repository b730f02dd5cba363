package health.citadel.audit.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code bin/citadel audit} finds the writer's database, the public keyset and the witness: the local stack's
 * {@code stack.json}, or, outside it, {@code CITADEL_AUDIT_*}.
 *
 * @param witness the witness file or folder; empty where there is none
 */
record AuditSettings(String url, String user, String password, Path keyset, String witness) {

    static AuditSettings from(Map<String, String> environment) throws IOException {
        if (environment.containsKey("CITADEL_AUDIT_JDBC_URL")) {
            return new AuditSettings(environment.get("CITADEL_AUDIT_JDBC_URL"),
                    environment.getOrDefault("CITADEL_AUDIT_DB_USER", ""),
                    environment.getOrDefault("CITADEL_AUDIT_DB_PASSWORD", ""),
                    Path.of(environment.getOrDefault("CITADEL_AUDIT_PUBLIC_KEYSET", "")),
                    environment.getOrDefault("CITADEL_AUDIT_WITNESS", ""));
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
            return new AuditSettings(writer.getString("jdbcUrl"), writer.getString("dbaUser"),
                    writer.getString("dbaPassword"), Path.of(audit.getString("publicKeyset")),
                    audit.getString("witnessFile", ""));
        }
    }
}
