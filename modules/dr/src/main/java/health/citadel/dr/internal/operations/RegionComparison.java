package health.citadel.dr.internal.operations;

import health.citadel.dr.api.RegionsCompared;
import health.citadel.dr.api.RegionsCompared.Table;
import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.TableChecksum;
import health.citadel.dr.internal.health.ReplicationProbe;
import health.citadel.platform.jdbc.Statements;
import health.citadel.platform.progress.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@code dr verify}: every replicated table's row count and checksum in both regions, after region B has
 * applied everything region A had written when the check began. The heartbeat is left out: it changes every
 * second by design.
 */
public final class RegionComparison {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;

    private RegionComparison() {
    }

    /**
     * Compares the writer and the standby {@code status} names, connecting to each through {@code connector}, while
     * no DR operation runs: one in flight would show as differences.
     *
     * @param progress told of the catch-up and of each table compared
     */
    public static RegionsCompared compare(ReplicationStatus status, ReplicationProbe.RegionConnector connector,
                                          Progress progress) throws SQLException, InterruptedException {
        try (OperationLock lock = OperationLock.take(List.of(status.writer().name(), status.standby().name()), connector);
             Connection writer = connector.open(status.writer().name());
             Connection standby = connector.open(status.standby().name())) {
            return compare(writer, standby, progress);
        }
    }

    /**
     * A table written while it is being read can differ for a moment, so a difference is looked at again,
     * after another catch-up, before it is reported.
     *
     * @return every replicated table, in name order; those that differ have {@code same == false}
     */
    private static RegionsCompared compare(Connection writer, Connection standby, Progress progress)
            throws SQLException, InterruptedException {
        List<Table> tables = new ArrayList<>();
        progress.phase("waiting for the standby to apply what the writer holds now");
        awaitCaughtUp(writer, standby);
        List<String> replicated = replicatedTables(standby);
        for (String table : replicated) {
            Table compared = compare(writer, standby, table);
            for (int attempt = 1; attempt < ATTEMPTS && !compared.same(); attempt++) {
                progress.phase(table + " differs: looking again once the standby has caught up");
                awaitCaughtUp(writer, standby);
                compared = compare(writer, standby, table);
            }
            tables.add(compared);
            progress.counted("tables compared", tables.size(), replicated.size());
        }
        return RegionsCompared.of(tables);
    }

    /**
     * One table in both regions; the same when count and checksum agree. Each region's server sums its own copy,
     * side by side, so a large table takes as long as the slower region rather than both in turn.
     */
    private static Table compare(Connection writer, Connection standby, String table)
            throws SQLException, InterruptedException {
        FutureTask<TableChecksum> standbySide = new FutureTask<>(() -> TableChecksum.of(standby, table));
        new Thread(standbySide, "dr verify: standby checksum").start();
        TableChecksum a = TableChecksum.of(writer, table);
        TableChecksum b;
        try {
            b = standbySide.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failed) {
                throw failed;
            }
            throw new IllegalStateException("the standby's checksum of " + table + " failed", e.getCause());
        }
        return new Table(table, a.rows(), b.rows(), a.equals(b));
    }

    /**
     * Waits until B has applied A's WAL position as of now; the writer's heartbeat guarantees a commit soon
     * after it. A stopped subscription fails the check.
     */
    private static void awaitCaughtUp(Connection writer, Connection standby) throws SQLException, InterruptedException {
        String target = Statements.column(writer, "SELECT pg_current_wal_lsn()::text").get(0);
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (true) {
            try (PreparedStatement query = standby.prepareStatement("SELECT o.remote_lsn >= ?::pg_lsn "
                    + "FROM pg_subscription s JOIN pg_replication_origin_status o ON o.external_id = 'pg_' || s.oid "
                    + "WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                query.setString(1, target);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SQLException("region B did not catch up with region A within " + CATCH_UP.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    /** The tables the standby subscribes to, as {@code schema.table}, from the subscription's own record. */
    private static List<String> replicatedTables(Connection standby) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = standby.prepareStatement("SELECT n.nspname || '.' || c.relname "
                + "FROM pg_subscription_rel r JOIN pg_class c ON c.oid = r.srrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE NOT (n.nspname = 'dr' AND c.relname = 'heartbeat') ORDER BY 1");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
