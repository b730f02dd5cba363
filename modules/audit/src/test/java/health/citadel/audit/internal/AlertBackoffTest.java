package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.audit.api.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertBackoffTest {

    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(30);
    private static final Instant LAST = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aNewAlertIsDueAtOnce() {
        assertTrue(AlertDeliveryStep.due(new AlertDeliveryStep.Pending(alert(), 0, null), BASE, CAP, LAST));
    }

    /** After three failures the full wait is 4 × base; jitter takes up to half of it off, never more, never less. */
    @Test
    void eachFailureDoublesTheWaitLessUpToHalfOfIt() {
        for (int i = 0; i < 200; i++) {
            var afterThree = new AlertDeliveryStep.Pending(alert(), 3, LAST);
            assertFalse(AlertDeliveryStep.due(afterThree, BASE, CAP, LAST.plusMillis(1999)));
            assertTrue(AlertDeliveryStep.due(afterThree, BASE, CAP, LAST.plusSeconds(4)));
        }
    }

    /** Alerts that failed together come back spread over the window, not in one burst. */
    @Test
    void alertsThatFailedTogetherAreRetriedAtDifferentTimes() {
        Set<Long> waits = new TreeSet<>();
        for (int i = 0; i < 50; i++) {
            waits.add(AlertDeliveryStep.wait(new AlertDeliveryStep.Pending(alert(), 5, LAST), BASE, CAP).toMillis());
        }
        assertTrue(waits.size() > 40, "distinct waits: " + waits.size());
        assertTrue(((TreeSet<Long>) waits).last() - ((TreeSet<Long>) waits).first() > 4000, waits.toString());
    }

    /** The poll asks four times a second: the same alert and attempt must get the same answer each time. */
    @Test
    void theJitterOfOneAttemptDoesNotChangeBetweenPolls() {
        var pending = new AlertDeliveryStep.Pending(alert(), 4, LAST);
        assertEquals(AlertDeliveryStep.wait(pending, BASE, CAP), AlertDeliveryStep.wait(pending, BASE, CAP));
    }

    @Test
    void theWaitIsCapped() {
        var afterMany = new AlertDeliveryStep.Pending(alert(), 15, LAST);
        assertTrue(AlertDeliveryStep.due(afterMany, BASE, CAP, LAST.plus(CAP)));
        assertFalse(AlertDeliveryStep.due(afterMany, BASE, CAP, LAST.plus(CAP.dividedBy(2)).minusMillis(1)));
    }

    private static Alert alert() {
        return new Alert(UUID.randomUUID(), "repeated-denials", Alert.Severity.MEDIUM, "actor", null, LAST, List.of(),
                false);
    }
}
