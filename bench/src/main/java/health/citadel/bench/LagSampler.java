package health.citadel.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples replication while the workload runs: the writer's flushed WAL position every 10 ms and the standby's
 * applied position every 2 ms, each on its own connection and thread. Stopping it waits a moment for the
 * standby to reach the last samples, then matches the series.
 */
final class LagSampler implements AutoCloseable {

    private static final long WRITER_EVERY_NANOS = 10_000_000;
    private static final long STANDBY_EVERY_NANOS = 2_000_000;
    private static final long DRAIN_NANOS = 2_000_000_000L;

    private final List<StandbyLag.Position> writer = new ArrayList<>();
    private final List<StandbyLag.Position> standby = new ArrayList<>();
    private final Thread writerThread;
    private final Thread standbyThread;
    private volatile boolean sampling = true;
    private volatile long stopAt = Long.MAX_VALUE;
    private volatile SQLException failure;
    private final LocalStack stack;
    private final long startedNanos = System.nanoTime();
    private final long commitsBefore;

    LagSampler(LocalStack stack) throws SQLException {
        this.stack = stack;
        this.commitsBefore = commits(stack);
        Connection writerDb = stack.regionAsDba(stack.writerRegion());
        Connection standbyDb = stack.regionAsDba(stack.standbyRegion());
        writerThread = sampler(writerDb, "SELECT pg_current_wal_flush_lsn()::text", WRITER_EVERY_NANOS, writer, true);
        standbyThread = sampler(standbyDb, "SELECT o.remote_lsn::text FROM pg_subscription s "
                + "JOIN pg_replication_origin_status o ON o.external_id = 'pg_' || s.oid", STANDBY_EVERY_NANOS, standby,
                false);
        writerThread.start();
        standbyThread.start();
    }

    private Thread sampler(Connection connection, String query, long everyNanos, List<StandbyLag.Position> into,
                           boolean stopsFirst) {
        return new Thread(() -> {
            try (connection; PreparedStatement read = connection.prepareStatement(query)) {
                while (stopsFirst ? sampling : System.nanoTime() < stopAt) {
                    long began = System.nanoTime();
                    try (ResultSet row = read.executeQuery()) {
                        if (row.next() && row.getString(1) != null) {
                            into.add(new StandbyLag.Position(began, StandbyLag.lsn(row.getString(1))));
                        }
                    }
                    LockSupport.parkNanos(everyNanos - (System.nanoTime() - began));
                }
            } catch (SQLException e) {
                failure = e;
            }
        }, "lag-" + (stopsFirst ? "writer" : "standby"));
    }

    /** The writer's commits per second while sampling: the load replication carried. */
    double commitsPerSecond() throws SQLException {
        return (commits(stack) - commitsBefore) / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static long commits(LocalStack stack) throws SQLException {
        try (Connection writer = stack.regionAsDba(stack.writerRegion());
             PreparedStatement query = writer.prepareStatement(
                     "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Stops sampling the writer, lets the standby catch up with the last samples, and matches. */
    StandbyLag.Result stop() throws InterruptedException {
        sampling = false;
        writerThread.join();
        stopAt = System.nanoTime() + DRAIN_NANOS;
        standbyThread.join();
        if (failure != null) {
            throw new BenchFailure("sampling the replication lag failed (SQLState "
                    + failure.getSQLState() + ")", failure);
        }
        return StandbyLag.match(writer, standby);
    }

    @Override
    public void close() throws InterruptedException {
        if (sampling) {
            stop();
        }
    }
}
