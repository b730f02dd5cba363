package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertBackoffTest {

    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(30);
    private static final Instant LAST = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aNewAlertIsDueAtOnce() {
        assertTrue(AlertDeliveryStep.due(new AlertDeliveryStep.Pending(null, 0, null), BASE, CAP, LAST));
    }

    @Test
    void eachFailureDoublesTheWait() {
        var afterThree = new AlertDeliveryStep.Pending(null, 3, LAST);
        assertFalse(AlertDeliveryStep.due(afterThree, BASE, CAP, LAST.plusSeconds(3)));
        assertTrue(AlertDeliveryStep.due(afterThree, BASE, CAP, LAST.plusSeconds(4)));
    }

    @Test
    void theWaitIsCapped() {
        var afterMany = new AlertDeliveryStep.Pending(null, 15, LAST);
        assertTrue(AlertDeliveryStep.due(afterMany, BASE, CAP, LAST.plus(CAP)));
    }
}
