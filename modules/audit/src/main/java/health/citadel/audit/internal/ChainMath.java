package health.citadel.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash that links an event to its predecessor, and the text a checkpoint signature covers. */
final class ChainMath {

    /** The predecessor of the first event. */
    static final byte[] GENESIS = new byte[32];

    private ChainMath() {
    }

    static byte[] link(byte[] previousHash, byte[] canonicalEvent, byte[] seal) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash);
            sha256.update(canonicalEvent);
            sha256.update(seal);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What a checkpoint's signature covers: the position, the head hash there, and when it was signed (milliseconds). */
    static byte[] checkpoint(long position, byte[] hash, Instant signedAt) {
        return ("citadel-audit-checkpoint-v2;" + position + ";" + HexFormat.of().formatHex(hash) + ";"
                + signedAt.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
    }

    /** What checkpoints signed before heartbeats covered; still verified, never signed any more. */
    static byte[] checkpointWithoutTime(long position, byte[] hash) {
        return ("citadel-audit-checkpoint-v1;" + position + ";" + HexFormat.of().formatHex(hash))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
