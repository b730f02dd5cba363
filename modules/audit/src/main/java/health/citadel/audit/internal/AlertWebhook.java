package health.citadel.audit.internal;

import health.citadel.audit.api.Alert;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts an alert to the hospital's alerting webhook. The body works with generic incoming webhooks (a
 * {@code text} line for chat tools) and carries the structured alert for machines; it names people and
 * patients by id only. {@code X-Citadel-Alert-Id} lets the receiver drop a redelivery.
 */
final class AlertWebhook {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    AlertWebhook(URI target) {
        this.target = target;
    }

    /** @return the receiver's HTTP status, or -1 when it could not be reached */
    int post(Alert alert) {
        try {
            return http.send(HttpRequest.newBuilder(target).timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("X-Citadel-Alert-Id", alert.id().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(payload(alert).toString())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static JsonObject payload(Alert alert) {
        JsonArrayBuilder evidence = Json.createArrayBuilder();
        alert.evidence().forEach(id -> evidence.add(id.toString()));
        var details = Json.createObjectBuilder()
                .add("id", alert.id().toString())
                .add("rule", alert.rule())
                .add("severity", alert.severity().name())
                .add("actorId", alert.actorId())
                .add("raisedAt", alert.raisedAt().toString())
                .add("evidence", evidence);
        if (alert.patientId() != null) {
            details.add("patientId", alert.patientId().toString());
        }
        return Json.createObjectBuilder()
                .add("text", "Citadel " + alert.severity() + " alert: " + alert.rule() + " (alert " + alert.id() + ")")
                .add("alert", details)
                .build();
    }
}
