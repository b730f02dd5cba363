package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SealedHereTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final byte[] EVENT = "READ;Patient;42".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEAL = new byte[64];

    @Test
    void vouchesOnceForExactlyWhatItSealed() {
        SealedHere sealedHere = new SealedHere();
        UUID id = UUID.randomUUID();
        sealedHere.remember(id, EVENT, SEAL, NOW);
        assertTrue(sealedHere.vouchesFor(id, EVENT, SEAL));
        assertFalse(sealedHere.vouchesFor(id, EVENT, SEAL), "forgotten once linked");
    }

    @Test
    void anAlteredRowOrAStrangersEventIsNotVouchedFor() {
        SealedHere sealedHere = new SealedHere();
        UUID id = UUID.randomUUID();
        sealedHere.remember(id, EVENT, SEAL, NOW);
        assertFalse(sealedHere.vouchesFor(id, "READ;Patient;43".getBytes(StandardCharsets.UTF_8), SEAL));
        assertFalse(sealedHere.vouchesFor(UUID.randomUUID(), EVENT, SEAL));
    }

    @Test
    void eventsNeverLinkedHereAreForgotten() {
        SealedHere sealedHere = new SealedHere();
        UUID id = UUID.randomUUID();
        sealedHere.remember(id, EVENT, SEAL, NOW);
        sealedHere.forgetOlderThan(NOW.plus(SealedHere.KEPT));
        assertFalse(sealedHere.vouchesFor(id, EVENT, SEAL));
    }
}
