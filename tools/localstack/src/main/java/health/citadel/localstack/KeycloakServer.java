package health.citadel.localstack;

import health.citadel.platform.tls.TrustedCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak from its Maven Central distribution in production mode ({@code start}): HTTPS only, TLS 1.3, with a
 * certificate from the stack's authority, bound to loopback, with its own file database under
 * {@code $CITADEL_HOME/keycloak}. The realm is imported on the first start.
 */
final class KeycloakServer {

    static final String REALM = "citadel";
    static final String ADMIN_USER = "admin";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(CITADEL_[A-Z0-9_]+)}");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final StackHome home;
    private final StackPorts ports;
    private final StackSecrets secrets;
    private final StackCertificates certificates;
    private final Path pidFile;
    private final Path log;
    private final Path importedRealm;

    KeycloakServer(StackHome home, StackPorts ports, StackSecrets secrets) {
        this.home = home;
        this.ports = ports;
        this.secrets = secrets;
        this.certificates = new StackCertificates(home);
        this.pidFile = home.run().resolve("keycloak.pid");
        this.log = home.logs().resolve("keycloak.log");
        this.importedRealm = home.keycloak().resolve("data/import/citadel-realm.json");
    }

    String url() {
        return "https://127.0.0.1:" + ports.keycloak();
    }

    String issuer() {
        return url() + "/realms/" + REALM;
    }

    OptionalLong pid() {
        return PidFile.read(pidFile);
    }

    boolean running() {
        return pid().isPresent();
    }

    void install(Path distribution) {
        if (!Files.isRegularFile(home.keycloak().resolve("bin/kc.sh"))) {
            Archives.unzipStrippingTop(distribution, home.keycloak());
        }
    }

    /** Starts Keycloak in the background; {@link #awaitReady} waits for it. */
    void start(String realm, String extraJvmArgs) {
        // the realm's database (users, credentials, TOTP secrets) and its import live here
        StackHome.ownerOnlyDirectory(home.keycloak().resolve("data"));
        StackHome.writeSecretFile(importedRealm, realm);
        Map<String, String> environment = new HashMap<>();
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.get(StackSecrets.KEYCLOAK_ADMIN_PASSWORD));
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        environment.put("JAVA_OPTS_APPEND", extraJvmArgs);
        // production mode: no plain HTTP listener, the hostname fixed (tokens name it as their issuer); the file
        // database stays, since the stack has no third PostgreSQL for it (the cloud layout gives it one), and its
        // caches are local: one node, no cluster to discover
        Process process = Commands.startDetached(List.of(home.keycloak().resolve("bin/kc.sh").toString(), "start",
                "--db=dev-file", "--cache=local", "--health-enabled=true", "--hostname=" + url(), "--http-enabled=false",
                "--http-host=127.0.0.1", "--https-port=" + ports.keycloak(), "--https-protocols=TLSv1.3",
                "--https-certificate-file=" + certificates.certificate(StackCertificates.KEYCLOAK),
                "--https-certificate-key-file=" + certificates.key(StackCertificates.KEYCLOAK),
                "--http-management-port=" + ports.keycloakManagement(), "--import-realm"), environment, log);
        PidFile.write(pidFile, process.pid());
    }

    void awaitReady() {
        HttpClient http = HttpClient.newBuilder().sslContext(TrustedCertificate.sslContext(certificates.authority()))
                .build();
        Readiness.await("Keycloak", START_TIMEOUT, this::running, log.toString(), http,
                URI.create("https://127.0.0.1:" + ports.keycloakManagement() + "/health/ready"),
                response -> response.statusCode() == 200);
        Readiness.await("Keycloak realm " + REALM, Duration.ofSeconds(30), this::running, log.toString(), http,
                URI.create(issuer() + "/.well-known/openid-configuration"), response -> response.statusCode() == 200);
        try {
            // the import holds the demo passwords; once Keycloak has it, only secrets.properties keeps them
            Files.deleteIfExists(importedRealm);
        } catch (IOException e) {
            throw new StackException("cannot remove " + importedRealm + ": " + e.getMessage(), e);
        }
    }

    void stop() {
        pid().ifPresent(pid -> Commands.stopTree(pid, Duration.ofSeconds(30)));
        PidFile.delete(pidFile);
    }

    /** The values for the realm template's placeholders: this stack's port and secrets. */
    static Map<String, String> realmValues(StackSecrets secrets, int appPort) {
        Map<String, String> values = new HashMap<>();
        values.put("CITADEL_APP_PORT", String.valueOf(appPort));
        values.put("CITADEL_PORTAL_CLIENT_SECRET", secrets.get(StackSecrets.PORTAL_CLIENT_SECRET));
        values.put("CITADEL_ACCESS_REVIEW_CLIENT_SECRET", secrets.get(StackSecrets.ACCESS_REVIEW_CLIENT_SECRET));
        values.put("CITADEL_DEMO_PATIENT_ID", secrets.get(StackSecrets.DEMO_PATIENT_ID));
        for (DemoUser user : DemoUser.values()) {
            values.put(user.passwordPlaceholder(), secrets.password(user));
            if (user.staff) {
                values.put(user.totpPlaceholder(), secrets.totpSecret(user));
            }
        }
        return values;
    }

    /** Fills the realm template's {@code ${CITADEL_...}} placeholders; any left unfilled is an error. */
    static String render(Path template, Map<String, String> values) {
        String text;
        try {
            text = Files.readString(template);
        } catch (IOException e) {
            throw new StackException("cannot read the realm " + template + ": " + e.getMessage(), e);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new StackException("the realm " + template + " uses ${" + matcher.group(1) + "}, which the launcher does not provide");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }
}
