package health.citadel.app.operations;

import static health.citadel.app.operations.ObservabilityTools.ALERTMANAGER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inhibitions, in a real Alertmanager on loopback running our configuration: amtool cannot test them offline.
 * Nothing is sent during the test: the first notification waits for the route's group_wait.
 */
class AlertInhibitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process alertmanager;
    private URI api;

    @BeforeEach
    void startAlertmanager(@TempDir Path data) {
        ObservabilityTools.require(ALERTMANAGER);
        int port = ObservabilityTools.freePort();
        api = URI.create("http://127.0.0.1:" + port + "/api/v2/alerts");
        alertmanager = ObservabilityTools.start(List.of(ALERTMANAGER,
                "--config.file=" + ObservabilityTools.home().resolve("alertmanager/alertmanager.yml"),
                "--storage.path=" + data, "--web.listen-address=127.0.0.1:" + port,
                // no gossip with other Alertmanagers on this machine
                "--cluster.listen-address="), data);
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> send(HttpRequest.newBuilder(api).GET()).statusCode() == 200);
    }

    @AfterEach
    void stopAlertmanager() throws InterruptedException {
        ObservabilityTools.stop(alertmanager);
    }

    @Test
    void standbyUnreachableSilencesLagHighAndTheProbesComplaintButNotTheRetainedWal() throws Exception {
        fire("CitadelStandbyUnreachable", "CitadelReplicationLagHigh", "CitadelReplicationUnhealthy",
                "CitadelSlotRetainedWalHigh");

        Map<String, String> expected = Map.of("CitadelStandbyUnreachable", "active",
                "CitadelReplicationLagHigh", "suppressed", "CitadelReplicationUnhealthy", "suppressed",
                "CitadelSlotRetainedWalHigh", "active");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> states().equals(expected));
    }

    @Test
    void lagHighOnItsOwnIsNotSilenced() throws Exception {
        fire("CitadelReplicationLagHigh");

        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> states().equals(Map.of("CitadelReplicationLagHigh", "active")));
    }

    @Test
    void theCertificatesPageSilencesItsWarningOnTheSameInstanceOnly() throws Exception {
        fire("CitadelTlsCertificateExpiringSoon", "CitadelTlsCertificateExpiring");
        postAlert("CitadelTlsCertificateExpiring", "app-2");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode alerts = parsed(send(HttpRequest.newBuilder(api).GET()));
            Map<String, String> byInstance = new HashMap<>();
            for (JsonNode alert : alerts) {
                if (alert.at("/labels/alertname").asText().equals("CitadelTlsCertificateExpiring")) {
                    byInstance.put(alert.at("/labels/instance").asText(), alert.at("/status/state").asText());
                }
            }
            return byInstance.equals(Map.of("app-1", "suppressed", "app-2", "active"));
        });
    }

    /** Posts the alerts as Prometheus would, all from instance app-1, labelled as the rules label them. */
    private void fire(String... alertNames) throws IOException {
        for (String alertName : alertNames) {
            postAlert(alertName, "app-1");
        }
    }

    private void postAlert(String alertName, String instance) throws IOException {
        ArrayNode alerts = JSON.createArrayNode();
        alerts.addObject().put("startsAt", Instant.now().toString()).putObject("labels").put("alertname", alertName)
                .put("instance", instance).put("severity", "warning").put("team", "dr");
        HttpResponse<String> posted = send(HttpRequest.newBuilder(api).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(alerts))));
        assertEquals(200, posted.statusCode(), posted.body());
    }

    /** Each alert's name and state (active, or suppressed by an inhibition). */
    private Map<String, String> states() throws IOException {
        Map<String, String> states = new HashMap<>();
        for (JsonNode alert : parsed(send(HttpRequest.newBuilder(api).GET()))) {
            states.put(alert.at("/labels/alertname").asText(), alert.at("/status/state").asText());
        }
        return states;
    }

    private static JsonNode parsed(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
