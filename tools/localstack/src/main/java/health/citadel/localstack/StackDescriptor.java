package health.citadel.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files scripts and tests read to reach a running stack: {@code stack.json} (URLs, clients, database
 * logins) and {@code demo-logins.json} (one login per role). Both are owner-only: they hold secrets.
 */
final class StackDescriptor {

    static final String TOKEN_CLIENT = "citadel-cli";
    static final String PORTAL_CLIENT = "citadel-portal";
    static final String API_AUDIENCE = "citadel-api";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StackDescriptor() {
    }

    /**
     * How long the last {@code up} took until everything answered ready, and Liberty's own part of it, from
     * its start to its readiness, where this {@code up} started it. The benchmark reports both.
     */
    record Startup(Duration ready, Duration libertyStart) {
    }

    static void write(StackHome home, LibertyServer liberty, KeycloakServer keycloak, List<PostgresRegion> regions,
                      String writer, StackSecrets secrets, Startup startup) {
        Map<String, Object> stack = new LinkedHashMap<>();
        stack.put("app", Map.of("url", liberty.url(), "managementUrl", liberty.managementUrl(),
                "certificate", liberty.certificate().toString()));
        stack.put("keycloak", Map.of("url", keycloak.url(), "realm", KeycloakServer.REALM, "issuer", keycloak.issuer(),
                "admin", Map.of("username", KeycloakServer.ADMIN_USER,
                        "password", secrets.get(StackSecrets.KEYCLOAK_ADMIN_PASSWORD))));
        stack.put("tokenClient", Map.of("clientId", TOKEN_CLIENT, "audience", API_AUDIENCE,
                "tokenEndpoint", keycloak.issuer() + "/protocol/openid-connect/token"));
        stack.put("portalClient", Map.of("clientId", PORTAL_CLIENT,
                "clientSecret", secrets.get(StackSecrets.PORTAL_CLIENT_SECRET)));
        Map<String, Object> regionEntries = new LinkedHashMap<>();
        for (PostgresRegion region : regions) {
            // the writer as of this up; bin/citadel dr rewrites it when a switchover or failover moves it
            regionEntries.put(region.id(), Map.of(
                    "role", region.id().equals(writer) ? "writer" : "standby",
                    "jdbcUrl", region.jdbcUrl(),
                    "dbaUser", PostgresRegion.DBA,
                    "dbaPassword", secrets.get(StackSecrets.DBA_PASSWORD),
                    "walArchive", region.walArchive().toString(),
                    "baseBackups", home.baseBackups(region.id()).toString()));
        }
        stack.put("regions", regionEntries);
        stack.put("replication", Map.of("user", PostgresRegion.REPLICATOR,
                "password", secrets.get(StackSecrets.REPLICATOR_PASSWORD)));
        stack.put("applicationLogins", Map.of("app", PostgresRegion.APP, "owner", PostgresRegion.OWNER,
                "console", PostgresRegion.DR_OPERATOR));
        stack.put("audit", Map.of("publicKeyset", StackKeysets.auditSigningPublic(home).toString(),
                "witnessFile", home.auditWitness().toString()));
        stack.put("backups", Map.of("keyset", StackKeysets.backup(home).toString(),
                "directory", home.backups().toString(), "copy", home.backupCopies().toString(),
                "postgresBin", regions.get(0).binaries().toString()));
        stack.put("logs", home.logs().toString());
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("readyMillis", startup.ready().toMillis());
        times.put("libertyStartMillis", startup.libertyStart() == null ? null : startup.libertyStart().toMillis());
        stack.put("startup", times);
        write(home.stackJson(), stack);

        List<Map<String, Object>> logins = new ArrayList<>();
        for (DemoUser user : DemoUser.values()) {
            Map<String, Object> login = new LinkedHashMap<>();
            login.put("username", user.username);
            login.put("password", secrets.password(user));
            login.put("roles", List.of(user.role));
            login.put("totpSecret", user.staff ? secrets.totpSecret(user) : null);
            logins.add(login);
        }
        write(home.demoLogins(), logins);
    }

    private static void write(Path file, Object content) {
        try {
            StackHome.writeSecretFile(file, JSON.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Fails if an existing {@code stack.json} is not the JSON this launcher writes. */
    static void checkReadable(StackHome home) {
        Path file = home.stackJson();
        if (!Files.exists(file)) {
            return;
        }
        try {
            if (!JSON.readTree(file.toFile()).has("app")) {
                throw new StackException(StackHome.corrupt(file, "is not a stack descriptor"));
            }
        } catch (IOException e) {
            throw new StackException(StackHome.corrupt(file, "is not valid JSON"), e);
        }
    }
}
