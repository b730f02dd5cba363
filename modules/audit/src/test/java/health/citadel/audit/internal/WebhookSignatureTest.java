package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification: a receiver using its libraries accepts ours. */
    @Test
    void signsAsTheSpecificationsExample() {
        WebhookSignature signature = new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void theTimestampIsSigned() {
        WebhookSignature signature = new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertNotEquals(signature.sign("msg_1", 1614265330, "{}"), signature.sign("msg_1", 1614265331, "{}"));
    }

    @Test
    void aSecretThatIsNotAStandardWebhooksSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature("whsec_c2hvcnQ="));
    }
}
