package health.citadel.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Signs the chain's head as a checkpoint, inside the linker's transaction and lock. A new head is signed at most
 * once a second (each checkpoint is fsync'd by the witness), an unchanged one again once per heartbeat interval,
 * so that cutting off the chain's tail shows within that interval. Only a head the application can vouch for is
 * signed: one this instance linked, or one whose unsigned links it has just verified. A link planted in the
 * database is never signed, so a heartbeat cannot launder it. {@link ChainVerifier} relies on this: it checks no
 * seal that a signed checkpoint covers.
 */
final class HeadSigner {

    static final Duration MIN_GAP = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(HeadSigner.class.getName());

    private final AuditKeys keys;
    private final Duration heartbeat;
    /** The newest head this instance linked and has not signed yet. */
    private ChainExpectations.Head linkedHere;
    /** The last head found unworthy of a signature, so that it is reported once. */
    private long refused = -1;

    HeadSigner(AuditKeys keys, Duration heartbeat) {
        this.keys = keys;
        this.heartbeat = heartbeat;
    }

    /** @return the checkpoint signed now, or null */
    synchronized Checkpoint signIfDue(Connection connection, ChainLinker.Batch batch, Instant now) throws SQLException {
        ChainExpectations.Head head = batch.head();
        if (!batch.linked().isEmpty()) {
            linkedHere = head;
        }
        Checkpoint last = last(connection);
        if (last != null && last.position() == head.position() && Arrays.equals(last.hash(), head.hash())) {
            return last.signedAt().isAfter(now.minus(heartbeat)) ? null : sign(connection, head);
        }
        if (last != null && last.signedAt().isAfter(now.minus(MIN_GAP))) {
            return null;
        }
        boolean vouched = linkedHere != null && linkedHere.position() == head.position()
                && Arrays.equals(linkedHere.hash(), head.hash());
        if (!vouched && !tailVerifies(connection, last, head)) {
            if (refused != head.position()) {
                refused = head.position();
                LOG.severe(() -> "The audit chain's head at position " + head.position()
                        + " does not follow from its last checkpoint; it is not signed");
            }
            return null;
        }
        linkedHere = null;
        return sign(connection, head);
    }

    /** Whether the links after the last checkpoint (after a restart, or another instance's) hold up. */
    private boolean tailVerifies(Connection connection, Checkpoint last, ChainExpectations.Head head) throws SQLException {
        byte[] previous = last == null ? ChainMath.GENESIS : last.hash();
        long expected = last == null ? 1 : last.position() + 1;
        try (PreparedStatement links = connection.prepareStatement(LinkRule.LINKS_FROM)) {
            links.setLong(1, expected);
            try (ResultSet row = links.executeQuery()) {
                while (row.next()) {
                    LinkRule.Checked link = LinkRule.check(row, expected++, previous, keys);
                    if (link.problem() != null) {
                        return false;
                    }
                    previous = link.hash();
                }
            }
        }
        return expected - 1 == head.position() && Arrays.equals(previous, head.hash());
    }

    private static Checkpoint last(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT position, hash, signed_at, signature"
                + " FROM audit.chain_checkpoint ORDER BY position DESC, signed_at DESC LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? new Checkpoint(row.getLong(1), row.getBytes(2), row.getTimestamp(3).toInstant(),
                    row.getBytes(4)) : null;
        }
    }

    /** Milliseconds, because the signature covers the time and the database keeps microseconds. */
    private Checkpoint sign(Connection connection, ChainExpectations.Head head) throws SQLException {
        Instant signedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Checkpoint checkpoint = new Checkpoint(head.position(), head.hash(), signedAt,
                keys.sign(ChainMath.checkpoint(head.position(), head.hash(), signedAt)));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit.chain_checkpoint (position, hash, signed_at, signature) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.position());
            insert.setBytes(2, checkpoint.hash());
            insert.setTimestamp(3, Timestamp.from(checkpoint.signedAt()));
            insert.setBytes(4, checkpoint.signature());
            insert.executeUpdate();
        }
        return checkpoint;
    }
}
