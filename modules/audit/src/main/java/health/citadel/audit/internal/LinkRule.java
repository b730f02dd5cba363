package health.citadel.audit.internal;

import health.citadel.audit.api.CanonicalEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The rule one link must keep, applied alike by the verifier (the whole chain) and the head signer (the links
 * after the last checkpoint): its position follows, its event exists and reads, its predecessor is the previous
 * hash, the event's seal holds, and its hash is {@code SHA-256(previous || event || seal)}.
 */
final class LinkRule {

    /** The links from a position on, each with its event; {@code ?} is the first position. */
    static final String LINKS_FROM = "SELECT l.position, l.previous_hash, l.hash, e."
            + EventRows.COLUMNS.replace(", ", ", e.")
            + " FROM audit.chain_link l LEFT JOIN audit.access_event e ON e.id = l.event_id"
            + " WHERE l.position >= ? ORDER BY l.position";

    static final String SEAL_BROKEN = "the event's seal does not match its content";

    /**
     * The link's hash when it keeps the rule, else what is wrong with it; the event's canonical form and seal, for
     * a seal left to be checked later.
     */
    record Checked(byte[] hash, String problem, byte[] canonical, byte[] seal) {
    }

    private LinkRule() {
    }

    /** The whole rule, the event's seal included. */
    static Checked check(ResultSet row, long expected, byte[] previous, AuditKeys keys) throws SQLException {
        return check(row, expected, previous, keys, true);
    }

    /**
     * The rule but the seal, which the caller checks unless a signed checkpoint the chain reaches vouches for it:
     * the checkpoint's signature covers the hash, and the hash covers the event and its seal. A link whose hash
     * is wrong has its seal checked at once, to tell an altered event from an altered link.
     */
    static Checked checkLeavingSeal(ResultSet row, long expected, byte[] previous, AuditKeys keys)
            throws SQLException {
        return check(row, expected, previous, keys, false);
    }

    private static Checked check(ResultSet row, long expected, byte[] previous, AuditKeys keys, boolean sealNow)
            throws SQLException {
        if (row.getLong("position") != expected) {
            return broken("position " + expected + " is missing from the chain");
        }
        if (row.getObject("id") == null) {
            return broken("the chained event is missing");
        }
        if (!Arrays.equals(previous, row.getBytes("previous_hash"))) {
            return broken("the link does not follow its predecessor");
        }
        byte[] canonical;
        try {
            canonical = CanonicalEvent.of(EventRows.read(row));
        } catch (RuntimeException unreadable) {
            return broken("the event cannot be read");
        }
        byte[] seal = row.getBytes("seal");
        if (sealNow && !keys.verifies(seal, canonical)) {
            return broken(SEAL_BROKEN);
        }
        byte[] hash = ChainMath.link(previous, canonical, seal);
        if (!Arrays.equals(hash, row.getBytes("hash"))) {
            return broken(sealNow || keys.verifies(seal, canonical) ? "the link's hash does not match the event"
                    : SEAL_BROKEN);
        }
        return new Checked(hash, null, canonical, seal);
    }

    private static Checked broken(String problem) {
        return new Checked(null, problem, null, null);
    }
}
