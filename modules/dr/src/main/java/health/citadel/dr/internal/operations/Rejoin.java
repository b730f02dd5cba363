package health.citadel.dr.internal.operations;

import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Replication;
import health.citadel.dr.internal.Topology;
import health.citadel.platform.jdbc.Statements;
import health.citadel.platform.progress.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a former writer the standby again: fenced, emptied of the module rows, re-seeded from the writer by a
 * subscription's initial copy, and given the epochs it missed. Its leftover replication slot holds the commits
 * a failover lost, so it is only dropped once the DBA says those are salvaged or may go.
 */
final class Rejoin {

    private final RegionAccess regions;
    private final Progress progress;

    public Rejoin(RegionAccess regions, Progress progress) {
        this.regions = regions;
        this.progress = progress;
    }

    /** @return the region that now subscribes */
    public String run(String region, boolean discardLostCommits) throws SQLException, InterruptedException {
        String writer = regions.other(region);
        try (Connection rejoining = regions.dba(region); Connection current = regions.dba(writer)) {
            Topology.Epoch epoch = Topology.current(current)
                    .orElseThrow(() -> new SQLException("region " + writer + " has no topology epoch"));
            if (!epoch.writer().equals(writer)) {
                throw new SQLException("region " + writer + " is not the writer of epoch " + epoch.number());
            }
            progress.phase("fencing region " + region);
            RegionFence.raise(rejoining, regions.application());
            List<String> slots = Statements.column(rejoining, "SELECT slot_name FROM pg_replication_slots "
                    + "WHERE database = current_database() AND slot_type = 'logical' AND NOT active");
            if (!slots.isEmpty() && !discardLostCommits) {
                throw new SQLException("region " + region + " still holds replication slot(s) " + slots + " with "
                        + "commits the failover may have lost: salvage them first, or rejoin with --discard-lost-commits");
            }
            // a subscription left by a stopped switchover points at the writer, which answers: drop its slot too,
            // or it would hold the writer's WAL for ever
            Replication.unsubscribe(rejoining, true);
            for (String slot : slots) {
                Statements.execute(rejoining, "SELECT pg_drop_replication_slot(%L)", slot);
            }
            progress.phase("emptying region " + region + "'s module tables");
            empty(rejoining);
            progress.phase("subscribing region " + region + " to region " + writer + " with a full copy");
            Replication.publish(current, regions.replicatorUser(), regions.application().owner());
            Replication.publish(rejoining, regions.replicatorUser(), regions.application().owner());
            Replication.subscribe(rejoining, regions.conninfo(writer), true, regions.application().console());
            Replication.awaitInitialCopy(rejoining, progress);
            progress.phase("giving region " + region + " the topology epochs it missed");
            Topology.catchUp(current, rejoining);
            return region;
        }
    }

    /** Removes every replicated row; the append-only triggers are for the application, not for a re-seed. */
    private static void empty(Connection region) throws SQLException {
        List<String> tables = new ArrayList<>(Statements.column(region, "SELECT format('%I.%I', schemaname, tablename) "
                + "FROM pg_tables WHERE schemaname = ANY (?) ORDER BY 1",
                region.createArrayOf("text", Replication.PUBLISHED_SCHEMAS.toArray())));
        Replication.PUBLISHED_DR_TABLES.forEach(table -> tables.add("dr." + table));
        boolean autoCommit = region.getAutoCommit();
        region.setAutoCommit(false);
        try (var statement = region.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
            // the names come from the catalog, quoted by the server's format()
            statement.execute("TRUNCATE " + String.join(", ", tables));
            region.commit();
        } catch (SQLException e) {
            region.rollback();
            throw e;
        } finally {
            region.setAutoCommit(autoCommit);
        }
    }
}
