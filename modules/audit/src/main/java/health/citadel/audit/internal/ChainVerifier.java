package health.citadel.audit.internal;

import health.citadel.audit.api.ChainVerification;
import health.citadel.platform.progress.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Checks the whole chain with the public key only: positions without gaps, each link's predecessor and
 * hash, each event's seal, and each signed checkpoint, the database's and the witnesses'. It also finds events
 * left outside the chain. Runs inside the application and from the command line against a bare JDBC connection.
 * <p>
 * A seal is checked only where no signed checkpoint vouches for it: a checkpoint the application signed and the
 * chain reaches covers every link before it, since each hash covers its predecessor, its event and the event's
 * seal, and the application signs only heads whose seals it checked. Ed25519 verifications were most of a long
 * chain's check; the seals after the newest checkpoint, or of a stretch a forger stripped of its checkpoints, are
 * still checked one by one.
 */
public final class ChainVerifier {

    private static final int FETCH = 2000;
    /** Seals held back at most, waiting for a checkpoint, before they are checked anyway. */
    private static final int HELD_SEALS = 20_000;

    private final AuditKeys keys;

    public ChainVerifier(AuditKeys keys) {
        this.keys = keys;
    }

    /** @param progress told of each event checked, out of the chain's head position when the walk began */
    public ChainVerification verify(Connection connection, ChainExpectations expectations, Progress progress)
            throws SQLException {
        for (Checkpoint witnessed : expectations.witnessed()) {
            if (!witnessed.signedBy(keys)) {
                return new ChainVerification(false, 0, null, "a witnessed checkpoint (position " + witnessed.position()
                        + ") is not signed by the audit key", 0, hex(ChainMath.GENESIS));
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false); // lets PostgreSQL stream the rows instead of loading them all
        }
        try {
            return new Walk(expectations, checkpoints(connection), progress).through(connection);
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** One pass along the chain, holding what it has verified so far. */
    private final class Walk {

        private final ChainExpectations expectations;
        private final TreeMap<Long, List<Checkpoint>> stored;
        private final TreeMap<Long, List<Checkpoint>> witnessed;
        private final Progress progress;
        private long expected = 1;
        private byte[] previous = ChainMath.GENESIS;
        /** The newest position a witness confirmed: everything up to it is as it was when witnessed. */
        private long confirmed;
        private byte[] confirmedHash = ChainMath.GENESIS;
        private byte[] expectedHeadHash;
        /** The links since the last checkpoint that vouched, whose seals are still to be checked. */
        private final List<HeldSeal> held = new ArrayList<>();

        Walk(ChainExpectations expectations, TreeMap<Long, List<Checkpoint>> stored, Progress progress) {
            this.expectations = expectations;
            this.stored = stored;
            this.witnessed = byPosition(expectations.witnessed());
            this.progress = progress;
        }

        ChainVerification through(Connection connection) throws SQLException {
            // the application may link more meanwhile: those count beyond the total, which is only a guide
            long head = headPosition(connection);
            try (PreparedStatement links = connection.prepareStatement(LinkRule.LINKS_FROM)) {
                links.setLong(1, 1);
                links.setFetchSize(FETCH);
                try (ResultSet row = links.executeQuery()) {
                    while (row.next()) {
                        ChainVerification broken = check(row);
                        if (broken != null) {
                            return broken;
                        }
                        progress.counted("events checked", expected, Math.max(head, expected));
                        expected++;
                    }
                }
            }
            return afterTheHead(connection);
        }

        /** @return the verdict if the chain breaks at this link, else null */
        private ChainVerification check(ResultSet row) throws SQLException {
            LinkRule.Checked link = LinkRule.checkLeavingSeal(row, expected, previous, keys);
            if (link.problem() != null) {
                return orBrokenSeal(broken(expected, link.problem()));
            }
            long position = expected;
            byte[] hash = link.hash();
            held.add(new HeldSeal(position, previous, link.canonical(), link.seal()));
            for (Checkpoint checkpoint : stored.getOrDefault(position, List.of())) {
                if (!Arrays.equals(checkpoint.hash(), hash) || !checkpoint.signedBy(keys)) {
                    return orBrokenSeal(broken(position, "the signed checkpoint does not match the chain"));
                }
                held.clear();
            }
            for (Checkpoint checkpoint : witnessed.getOrDefault(position, List.of())) {
                if (!Arrays.equals(checkpoint.hash(), hash)) {
                    // up to the last confirmed position the chain is as witnessed; from the next one on it may differ
                    return orBrokenSeal(new ChainVerification(false, confirmed, confirmed + 1, "the chain differs "
                            + "from the checkpoint witnessed at position " + position, confirmed, hex(confirmedHash)));
                }
                confirmed = position;
                confirmedHash = hash;
                held.clear(); // its signature was checked before the walk
            }
            if (held.size() >= HELD_SEALS) {
                ChainVerification brokenSeal = firstBrokenSeal();
                if (brokenSeal != null) {
                    return brokenSeal;
                }
            }
            if (expectations.expectedHead() != null && expectations.expectedHead().position() == position) {
                expectedHeadHash = hash;
            }
            previous = hash;
            return null;
        }

        /** The first held seal that does not hold, if any, else {@code otherwise}; either way none is held after. */
        private ChainVerification orBrokenSeal(ChainVerification otherwise) {
            ChainVerification brokenSeal = firstBrokenSeal();
            return brokenSeal != null ? brokenSeal : otherwise;
        }

        private ChainVerification firstBrokenSeal() {
            try {
                for (HeldSeal link : held) {
                    if (!keys.verifies(link.seal(), link.canonical())) {
                        return new ChainVerification(false, link.position() - 1, link.position(),
                                LinkRule.SEAL_BROKEN, link.position() - 1, hex(link.previous()));
                    }
                }
                return null;
            } finally {
                held.clear();
            }
        }

        private ChainVerification afterTheHead(Connection connection) throws SQLException {
            ChainVerification brokenSeal = firstBrokenSeal();
            if (brokenSeal != null) {
                return brokenSeal;
            }
            long checked = expected - 1;
            Long lastStored = stored.isEmpty() ? null : stored.lastKey();
            if (lastStored != null && lastStored > checked) {
                return broken(expected, "the chain ends before its last signed checkpoint (position " + lastStored + ")");
            }
            if (!witnessed.isEmpty() && witnessed.lastKey() > checked) {
                return broken(expected, "the chain ends before the newest witnessed checkpoint (position "
                        + witnessed.lastKey() + ")");
            }
            ChainExpectations.Head head = expectations.expectedHead();
            if (head != null && head.position() > checked) {
                return broken(expected, "the chain ends before the expected head (position " + head.position() + ")");
            }
            if (head != null && head.position() > 0 && !Arrays.equals(head.hash(), expectedHeadHash)) {
                return new ChainVerification(false, checked, head.position(),
                        "the chain's hash at the expected head differs: it changed at or before that position",
                        checked, hex(previous));
            }
            if (expectations.newestWitnessedAfter() != null) {
                String stale = staleWitness(expectations);
                if (stale != null) {
                    return new ChainVerification(false, checked, null, stale, checked, hex(previous));
                }
            }
            progress.phase("looking for events left outside the chain");
            long unchained = unchainedEvents(connection);
            if (unchained > 0) {
                return new ChainVerification(false, checked, null, unchained + " events are outside the chain", checked,
                        hex(previous));
            }
            return new ChainVerification(true, checked, null, null, checked, hex(previous));
        }

        private ChainVerification broken(long position, String problem) {
            return new ChainVerification(false, position - 1, position, problem, expected - 1, hex(previous));
        }
    }

    /** A link's seal, checked only if no signed checkpoint vouches for it. */
    private record HeldSeal(long position, byte[] previous, byte[] canonical, byte[] seal) {
    }

    /** @return the problem when the witness holds nothing as recent as required, else null */
    private static String staleWitness(ChainExpectations expectations) {
        boolean recent = expectations.witnessed().stream().map(Checkpoint::signedAt)
                .anyMatch(signedAt -> signedAt.isAfter(expectations.newestWitnessedAfter()));
        return recent ? null : "no checkpoint has been witnessed since " + expectations.newestWitnessedAfter()
                + ": the witness is not being written, or its newest entries are gone";
    }

    private static TreeMap<Long, List<Checkpoint>> byPosition(Collection<Checkpoint> checkpoints) {
        TreeMap<Long, List<Checkpoint>> byPosition = new TreeMap<>();
        for (Checkpoint checkpoint : checkpoints) {
            byPosition.computeIfAbsent(checkpoint.position(), position -> new ArrayList<>()).add(checkpoint);
        }
        return byPosition;
    }

    private static TreeMap<Long, List<Checkpoint>> checkpoints(Connection connection) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT position, hash, signed_at, signature FROM audit.chain_checkpoint WHERE position > 0");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new Checkpoint(rows.getLong(1), rows.getBytes(2), rows.getTimestamp(3).toInstant(),
                        rows.getBytes(4)));
            }
        }
        return byPosition(checkpoints);
    }

    /** The newest link's position: an index's last entry, so the walk's total costs nothing. */
    private static long headPosition(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT coalesce(max(position), 0) FROM audit.chain_link");
             ResultSet head = query.executeQuery()) {
            head.next();
            return head.getLong(1);
        }
    }

    private static long unchainedEvents(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM audit.access_event e "
                // an event not chained a minute after it happened was refused by the linker or hidden from it
                + "WHERE e.occurred_at < now() - interval '1 minute' AND NOT EXISTS "
                + "(SELECT 1 FROM audit.chain_link l WHERE l.event_id = e.id)");
             ResultSet count = query.executeQuery()) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
