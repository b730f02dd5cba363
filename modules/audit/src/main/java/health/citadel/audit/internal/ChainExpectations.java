package health.citadel.audit.internal;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * What the chain must agree with beyond itself: checkpoints its witnesses hold, how recent the newest of them must
 * be, and a head an auditor noted earlier. The database's own checkpoints cannot prove that the chain was not cut
 * or re-linked, because whoever rewrites the chain can delete them too.
 *
 * @param witnessed            checkpoints read from witnesses (empty: none given)
 * @param newestWitnessedAfter the newest witnessed checkpoint must be signed after this, or null for no such check
 * @param expectedHead         a position and hash the chain must still have, or null
 */
public record ChainExpectations(List<Checkpoint> witnessed, Instant newestWitnessedAfter, Head expectedHead) {

    public static final ChainExpectations NONE = new ChainExpectations(List.of(), null, null);

    /** A position and the chain's hash there. */
    public record Head(long position, byte[] hash) {

        /** @param text {@code position:hex-hash}, as {@code verify} prints it */
        public static Head parse(String text) {
            String[] parts = text.split(":", -1);
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("no colon");
                }
                return new Head(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1]));
            } catch (IllegalArgumentException malformed) {
                throw new IllegalArgumentException("the expected head must be <position>:<hash in hex>", malformed);
            }
        }
    }
}
