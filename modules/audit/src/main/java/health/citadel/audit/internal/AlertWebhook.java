package health.citadel.audit.internal;

import health.citadel.audit.api.Alert;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Posts alerts and audit checkpoints to the hospital's webhook. The body works with generic incoming webhooks (a
 * {@code text} line for chat tools) and carries the structured alert or checkpoint for machines; it names people
 * and patients by id only. {@code X-Citadel-Event} tells the two apart ({@code alert}, {@code audit-checkpoint});
 * {@code X-Citadel-Alert-Id} lets the receiver drop a redelivered alert. With a secret configured, every delivery
 * is signed in the Standard Webhooks style ({@link WebhookSignature}): the receiver checks that it comes from us,
 * unchanged, and recently.
 */
final class AlertWebhook {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI target;
    private final Optional<WebhookSignature> signature;
    private final HttpClient http;

    /** {@code http} trusts the authorities the hospital configured: its receiver may have an internal one. */
    AlertWebhook(URI target, Optional<WebhookSignature> signature, HttpClient http) {
        this.target = target;
        this.signature = signature;
        this.http = http;
    }

    /** @return the receiver's HTTP status, or -1 when it could not be reached */
    int post(Alert alert) {
        return post(HttpRequest.newBuilder(target).header("X-Citadel-Event", "alert")
                .header("X-Citadel-Alert-Id", alert.id().toString()), alert.id().toString(), payload(alert));
    }

    /** A copy of a signed checkpoint for the receiver to keep (a SIEM, a write-once store): the chain's witness. */
    int post(Checkpoint checkpoint) {
        JsonObject body = Json.createObjectBuilder()
                .add("text", "Citadel audit checkpoint: the chain was at position " + checkpoint.position() + " at "
                        + checkpoint.signedAt())
                .add("checkpoint", Json.createReader(new StringReader(checkpoint.toJsonLine())).readObject())
                .build();
        // the same id for every attempt at the same checkpoint, as for an alert
        String id = "checkpoint-" + checkpoint.position() + "-" + checkpoint.signedAt().toEpochMilli();
        return post(HttpRequest.newBuilder(target).header("X-Citadel-Event", "audit-checkpoint"), id, body);
    }

    private int post(HttpRequest.Builder request, String id, JsonObject body) {
        String text = body.toString();
        signature.ifPresent(signer -> {
            long now = Instant.now().getEpochSecond();
            request.header(WebhookSignature.ID, id).header(WebhookSignature.TIMESTAMP, Long.toString(now))
                    .header(WebhookSignature.SIGNATURE, signer.sign(id, now, text));
        });
        try {
            return http.send(request.timeout(TIMEOUT).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(text)).build(),
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
