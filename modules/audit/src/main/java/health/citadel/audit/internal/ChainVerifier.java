package health.citadel.audit.internal;

import health.citadel.audit.api.ChainVerification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the whole chain with the public key only: positions without gaps, each link's predecessor and
 * hash, each event's seal, and each signed checkpoint. It also finds events left outside the chain. Runs
 * inside the application and from the command line against a bare JDBC connection.
 */
public final class ChainVerifier {

    private static final int FETCH = 2000;

    private final AuditKeys keys;

    public ChainVerifier(AuditKeys keys) {
        this.keys = keys;
    }

    public ChainVerification verify(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false); // lets PostgreSQL stream the rows instead of loading them all
        }
        try {
            return walk(connection, checkpoints(connection));
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private ChainVerification walk(Connection connection, TreeMap<Long, byte[][]> checkpoints) throws SQLException {
        long expected = 1;
        byte[] previous = ChainMath.GENESIS;
        try (PreparedStatement links = connection.prepareStatement("SELECT l.position, l.previous_hash, l.hash, "
                + "e." + EventRows.COLUMNS.replace(", ", ", e.")
                + " FROM audit.chain_link l LEFT JOIN audit.access_event e ON e.id = l.event_id ORDER BY l.position")) {
            links.setFetchSize(FETCH);
            try (ResultSet row = links.executeQuery()) {
                while (row.next()) {
                    long position = row.getLong("position");
                    if (position != expected) {
                        return broken(expected, "position " + expected + " is missing from the chain");
                    }
                    if (row.getObject("id") == null) {
                        return broken(position, "the chained event is missing");
                    }
                    if (!Arrays.equals(previous, row.getBytes("previous_hash"))) {
                        return broken(position, "the link does not follow its predecessor");
                    }
                    byte[] canonical;
                    try {
                        canonical = CanonicalEvent.of(EventRows.read(row));
                    } catch (RuntimeException unreadable) {
                        return broken(position, "the event cannot be read");
                    }
                    byte[] seal = row.getBytes("seal");
                    if (!keys.verifies(seal, canonical)) {
                        return broken(position, "the event's seal does not match its content");
                    }
                    byte[] hash = ChainMath.link(previous, canonical, seal);
                    if (!Arrays.equals(hash, row.getBytes("hash"))) {
                        return broken(position, "the link's hash does not match the event");
                    }
                    byte[][] checkpoint = checkpoints.get(position);
                    if (checkpoint != null && (!Arrays.equals(checkpoint[0], hash)
                            || !keys.verifies(checkpoint[1], ChainMath.checkpoint(position, hash)))) {
                        return broken(position, "the signed checkpoint does not match the chain");
                    }
                    previous = hash;
                    expected++;
                }
            }
        }
        long checked = expected - 1;
        Map.Entry<Long, byte[][]> lastCheckpoint = checkpoints.lastEntry();
        if (lastCheckpoint != null && lastCheckpoint.getKey() > checked) {
            return new ChainVerification(false, checked, expected,
                    "the chain ends before its last signed checkpoint (position " + lastCheckpoint.getKey() + ")");
        }
        long unchained = unchainedEvents(connection);
        if (unchained > 0) {
            return new ChainVerification(false, checked, null, unchained + " events are outside the chain");
        }
        return new ChainVerification(true, checked, null, null);
    }

    private static TreeMap<Long, byte[][]> checkpoints(Connection connection) throws SQLException {
        TreeMap<Long, byte[][]> checkpoints = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT position, hash, signature FROM audit.chain_checkpoint");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                checkpoints.put(rows.getLong(1), new byte[][] {rows.getBytes(2), rows.getBytes(3)});
            }
        }
        return checkpoints;
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

    private static ChainVerification broken(long position, String problem) {
        return new ChainVerification(false, position - 1, position, problem);
    }
}
