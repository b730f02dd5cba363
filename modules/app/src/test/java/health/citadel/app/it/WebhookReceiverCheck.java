package health.citadel.app.it;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a hospital's receiver does with a Standard Webhooks delivery, written from the specification rather than
 * from our sender: the signature over "id.timestamp.body" must match, the timestamp must be within five minutes,
 * and a delivery (id and timestamp) is taken once: once processed, the same again is a replay. (A retry of one
 * that failed may come within the same second, with the same timestamp: it is not a replay until one was
 * processed.) The secret is the stack's, from secrets.properties.
 */
final class WebhookReceiverCheck {

    enum Verdict { ACCEPTED, UNSIGNED, BAD_SIGNATURE, STALE, REPLAYED }

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;
    private final Set<String> processed = ConcurrentHashMap.newKeySet();

    private WebhookReceiverCheck(byte[] key) {
        this.key = key;
    }

    static WebhookReceiverCheck ofStack(Path home) throws IOException {
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(home.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        String secret = secrets.getProperty("audit.alert-webhook.secret");
        return new WebhookReceiverCheck(Base64.getDecoder().decode(secret.substring("whsec_".length())));
    }

    Verdict check(String id, String timestamp, String signatures, String body, Instant now) {
        if (id == null || timestamp == null || signatures == null) {
            return Verdict.UNSIGNED;
        }
        byte[] expected = Base64.getDecoder().decode(sign(id, timestamp, body).substring(3));
        boolean matches = false;
        // the header may carry several space-separated signatures (during a secret's rotation)
        for (String signature : signatures.split(" ")) {
            matches |= signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)));
        }
        if (!matches) {
            return Verdict.BAD_SIGNATURE;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
            return Verdict.STALE;
        }
        return processed.contains(id + "." + timestamp) ? Verdict.REPLAYED : Verdict.ACCEPTED;
    }

    /** The receiver took the delivery (answered 2xx): the same id and timestamp again is refused. */
    void processed(String id, String timestamp) {
        processed.add(id + "." + timestamp);
    }

    /** "v1," and the HMAC-SHA256, as a sender would put it. */
    String sign(String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
