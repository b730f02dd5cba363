package health.citadel.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    static byte[] checkpoint(long position, byte[] hash) {
        return ("citadel-audit-checkpoint-v1;" + position + ";" + HexFormat.of().formatHex(hash))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
