package health.citadel.audit.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement "the chain was at this position, with this head hash, at this time". The same line goes
 * to every witness: {@code {"position":…,"hash":"hex","signedAt":"ISO-8601","signature":"base64"}}.
 */
public record Checkpoint(long position, byte[] hash, Instant signedAt, byte[] signature) {

    public String toJsonLine() {
        return Json.createObjectBuilder()
                .add("position", position)
                .add("hash", HexFormat.of().formatHex(hash))
                .add("signedAt", signedAt.toString())
                .add("signature", Base64.getEncoder().encodeToString(signature))
                .build().toString();
    }

    /** @throws IllegalArgumentException for a line that is not a checkpoint, without quoting it */
    public static Checkpoint fromJsonLine(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            JsonObject json = reader.readObject();
            return new Checkpoint(json.getJsonNumber("position").longValueExact(),
                    HexFormat.of().parseHex(json.getString("hash")), Instant.parse(json.getString("signedAt")),
                    Base64.getDecoder().decode(json.getString("signature")));
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("not a witnessed checkpoint", malformed);
        }
    }

    /** Whether the audit key signed exactly this position, hash and time (or, for checkpoints older than heartbeats, position and hash). */
    boolean signedBy(AuditKeys keys) {
        return keys.verifies(signature, ChainMath.checkpoint(position, hash, signedAt))
                || keys.verifies(signature, ChainMath.checkpointWithoutTime(position, hash));
    }
}
