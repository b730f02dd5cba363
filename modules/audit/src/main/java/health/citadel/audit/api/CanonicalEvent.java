package health.citadel.audit.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The one byte encoding of an event that seals and chain hashes are computed over. Every field is length
 * prefixed, so no value can be shifted into its neighbour; absent fields have their own marker. It is part of the
 * audit log's contract, with the chain's rule {@code hash(n) = SHA-256(hash(n-1) || event(n) || seal(n))}: whoever
 * holds the rows can recompute the chain, and only the signed checkpoints and their witnesses tell a recomputed
 * chain from the original.
 */
public final class CanonicalEvent {

    private static final String VERSION = "citadel-audit-event-v1";

    private CanonicalEvent() {
    }

    public static byte[] of(AuditEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, VERSION);
        field(out, event.id().toString());
        field(out, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, event.occurredAt())));
        field(out, event.actorId());
        field(out, String.join(",", event.actorRoles().stream().sorted().toList()));
        field(out, event.clientId());
        field(out, event.action().name());
        field(out, event.resourceType());
        field(out, event.resourceId());
        field(out, Objects.toString(event.patientId(), null));
        field(out, event.outcome().name());
        field(out, event.sourceIp());
        field(out, event.requestId());
        field(out, event.reason());
        if (event.restrictedPatient()) {
            // only when set, so the encoding of every other event, and its seal, is what it always was
            field(out, "restricted-patient");
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(new byte[] {'~', ';'});
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write(';');
    }
}
