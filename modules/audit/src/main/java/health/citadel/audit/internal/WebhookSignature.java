package health.citadel.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook delivery as Standard Webhooks (standardwebhooks.com) does, so that receivers can use its
 * libraries: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the secret's
 * bytes ({@code whsec_} then base64). The id stays the same across retries of one message, for de-duplication; the
 * timestamp is the attempt's, for the receiver's replay window.
 */
final class WebhookSignature {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    private static final String PREFIX = "whsec_";

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the secret is not {@code whsec_} and base64 (the message names no value) */
    WebhookSignature(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("the webhook secret must start with " + PREFIX);
        }
        byte[] bytes = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        if (bytes.length < 24) {
            throw new IllegalArgumentException("the webhook secret must hold at least 24 bytes");
        }
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String sign(String id, long epochSecond, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((id + "." + epochSecond + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
