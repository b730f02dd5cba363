package health.citadel.dr.internal.operations;

import health.citadel.dr.internal.health.ReplicationProbe;
import health.citadel.platform.jdbc.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One DR operation or comparison at a time, across every {@code bin/citadel dr} and every application instance:
 * a session-level advisory lock in each region that answers, held for as long as the operation runs. PostgreSQL
 * releases it when the session ends, so an operation that dies leaves no lock behind. A region that does not
 * answer, such as the dead writer of a failover, is passed over; two operations that reach the same region
 * exclude each other there.
 */
final class OperationLock implements AutoCloseable {

    /** PostgreSQL's "lock not available", which the refusal carries so that callers can tell it apart. */
    static final String HELD = "55P03";
    /** The advisory lock's key, {@code CITADLDR} in ASCII, so that no other user of advisory locks meets it. */
    private static final long KEY = 0x4349_5441_444C_4452L;

    private final List<Connection> sessions;

    private OperationLock(List<Connection> sessions) {
        this.sessions = sessions;
    }

    /** @throws SQLException with {@link #HELD} when another operation holds the lock in one of the regions */
    static OperationLock take(List<String> regions, ReplicationProbe.RegionConnector connector) throws SQLException {
        List<Connection> sessions = new ArrayList<>();
        OperationLock lock = new OperationLock(sessions);
        try {
            for (String region : regions) {
                Connection session;
                try {
                    session = connector.open(region);
                } catch (SQLException e) {
                    if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                        continue;
                    }
                    throw e;
                }
                sessions.add(session);
                if (!Statements.exists(session, "SELECT 1 WHERE pg_try_advisory_lock(?)", KEY)) {
                    throw new SQLException("another DR operation is running (it holds the DR lock in region " + region
                            + "): wait until it ends, then look at the DR status again", HELD);
                }
            }
            return lock;
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Ends the sessions, and with them the lock; a session that will not close has lost the lock already. */
    @Override
    public void close() {
        for (Connection session : sessions) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // a broken session's server side is gone, and its advisory lock with it
            }
        }
    }
}
