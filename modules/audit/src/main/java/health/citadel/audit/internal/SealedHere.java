package health.citadel.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events this instance sealed, each by a digest of exactly what it signed. The linker checks the signature
 * of every other event; for these, an equal digest proves the stored row is what this instance signed, and costs
 * a hash instead of an Ed25519 verification, which was most of linking's CPU. A row altered before it was
 * linked no longer matches, so its signature is checked like a stranger's.
 */
@ApplicationScoped
class SealedHere {

    /** Linking takes about a second; an event not linked by then is checked the slow way, or rolled back. */
    static final Duration KEPT = Duration.ofMinutes(2);

    private record Sealed(byte[] digest, Instant at) {
    }

    private final Map<UUID, Sealed> sealed = new ConcurrentHashMap<>();

    void remember(UUID event, byte[] canonical, byte[] seal, Instant now) {
        sealed.put(event, new Sealed(digest(canonical, seal), now));
    }

    /** Whether this instance sealed exactly these bytes as this event; forgets the event either way. */
    boolean vouchesFor(UUID event, byte[] canonical, byte[] seal) {
        Sealed remembered = sealed.remove(event);
        return remembered != null && MessageDigest.isEqual(remembered.digest(), digest(canonical, seal));
    }

    /** Forgets events never linked here: rolled back, or linked by another instance. */
    void forgetOlderThan(Instant cutoff) {
        sealed.values().removeIf(remembered -> remembered.at().isBefore(cutoff));
    }

    private static byte[] digest(byte[] canonical, byte[] seal) {
        return ChainMath.link(ChainMath.GENESIS, canonical, seal);
    }
}
