package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --with-monitoring}'s Prometheus and Alertmanager, really started from a scratch home: Prometheus loads
 * the repository's rules and sends to the Alertmanager beside it, which runs the repository's routes; both stop
 * with {@code down}. Debian's packages must be installed (as .ci/run does), unless CITADEL_SKIP_OBSERVABILITY_TOOLS.
 */
class LocalMonitoringTest {

    /** Away from a developer's stack (9400), BadStartIT's (19400) and the integration tests'. */
    private static final StackPorts PORTS = new StackPorts(19500);
    private static final Path ROOT = Path.of(System.getProperty("citadel.root", "../.."));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalMonitoring monitoring;
    private Path certificate;

    @BeforeEach
    void scratchHome(@TempDir Path scratch) throws Exception {
        Assumptions.assumeTrue(System.getenv("CITADEL_SKIP_OBSERVABILITY_TOOLS") == null,
                "CITADEL_SKIP_OBSERVABILITY_TOOLS is set: up --with-monitoring is not tried");
        for (String program : List.of("prometheus", "prometheus-alertmanager")) {
            if (Stream.of(System.getenv("PATH").split(":")).noneMatch(folder -> Files.isExecutable(Path.of(folder, program)))) {
                fail(program + " is not installed: install Debian's prometheus and prometheus-alertmanager (as .ci/run"
                        + " does), or set CITADEL_SKIP_OBSERVABILITY_TOOLS");
            }
        }
        monitoring = new LocalMonitoring(ROOT, StackHome.at(scratch.resolve("home")).create(), PORTS);
        certificate = selfSignedCertificate(scratch);
    }

    @AfterEach
    void stop() {
        if (monitoring != null) {
            monitoring.down();
        }
    }

    @Test
    void startsPrometheusWithTheRulesAndAlertmanagerWithTheRoutesAndDownStopsBoth() throws Exception {
        String said = up();

        assertTrue(said.contains("Prometheus http://127.0.0.1:" + PORTS.prometheus()), said);
        assertTrue(said.contains("Alertmanager http://127.0.0.1:" + PORTS.alertmanager()), said);
        int alerts = 0;
        for (JsonNode group : get(PORTS.prometheus(), "/api/v1/rules?type=alert").at("/data/groups")) {
            alerts += group.get("rules").size();
        }
        assertTrue(alerts >= 17, "alert rules loaded: " + alerts);
        assertTrue(get(PORTS.alertmanager(), "/api/v2/status").at("/config/original").asText().contains("on-call-pager"));
        assertEquals(2, monitoring.running().size(), monitoring.running().toString());

        assertTrue(up().contains("Prometheus runs already"), "a second up starts nothing");

        monitoring.down();
        assertEquals(List.of(), monitoring.running());
    }

    private String up() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        monitoring.up(certificate, PORTS.app(), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Prometheus reads the CA file it is given when it loads its configuration: a real certificate, by keytool. */
    private static Path selfSignedCertificate(Path folder) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path keystore = folder.resolve("test.p12");
        Path pem = folder.resolve("test.crt");
        for (List<String> command : List.of(
                List.of(keytool, "-genkeypair", "-keystore", keystore.toString(), "-storepass", "for-this-test",
                        "-alias", "app", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "1"),
                List.of(keytool, "-exportcert", "-rfc", "-keystore", keystore.toString(), "-storepass", "for-this-test",
                        "-alias", "app", "-file", pem.toString()))) {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), output);
        }
        return pem;
    }
}
