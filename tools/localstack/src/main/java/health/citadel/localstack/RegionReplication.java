package health.citadel.localstack;

import health.citadel.platform.jdbc.Statements;
import health.citadel.dr.api.RegionSetup;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Sets up the region pair the way the topology says: on a fresh stack region A writes and region B subscribes
 * to it; after a switchover or failover the newest epoch decides. Every region publishes, so whichever writes
 * already does; the standby (and a former writer that came back) is fenced. Migrations must have run on both
 * regions first: logical replication carries rows, not DDL.
 */
final class RegionReplication {

    private RegionReplication() {
    }

    /** The writer by the newest epoch either region recorded; region A on a fresh stack. */
    static String writer(PostgresRegion regionA, PostgresRegion regionB) {
        Optional<RegionSetup.Epoch> a = epoch(regionA);
        Optional<RegionSetup.Epoch> b = epoch(regionB);
        long newestA = a.map(RegionSetup.Epoch::number).orElse(0L);
        long newestB = b.map(RegionSetup.Epoch::number).orElse(0L);
        return (newestA >= newestB ? a : b).map(RegionSetup.Epoch::writer).orElse(RegionTopology.FIRST_WRITER);
    }

    static void establish(PostgresRegion writer, PostgresRegion standby, StackSecrets secrets, PrintStream out) {
        try (Connection publisher = writer.connectAsDba(PostgresRegion.DATABASE);
             Connection subscriber = standby.connectAsDba(PostgresRegion.DATABASE)) {
            boolean fresh = RegionSetup.epoch(publisher).isEmpty() && RegionSetup.epoch(subscriber).isEmpty();
            if (fresh) {
                RegionSetup.Epoch first = new RegionSetup.Epoch(1, writer.id());
                RegionSetup.recordEpoch(publisher, first);
                RegionSetup.recordEpoch(subscriber, first);
            }
            for (Connection region : new Connection[] {publisher, subscriber}) {
                RegionSetup.publish(region, PostgresRegion.REPLICATOR, PostgresRegion.OWNER);
            }
            RegionSetup.fence(subscriber, PostgresRegion.APP, PostgresRegion.OWNER);
            String conninfo = RegionSetup.conninfo(writer.jdbcUrl(), PostgresRegion.REPLICATOR,
                    secrets.get(StackSecrets.REPLICATOR_PASSWORD));
            if (RegionSetup.subscribed(subscriber)) {
                // tables added by migrations since the last up are published, but not subscribed until refreshed
                RegionSetup.refresh(subscriber, conninfo);
            } else if (fresh) {
                RegionSetup.subscribe(subscriber, conninfo, PostgresRegion.DR_OPERATOR);
            } else {
                out.println("Note: " + standby.name() + " is fenced but does not subscribe to " + writer.name()
                        + ": salvage and rejoin it (README, runbook \"Failover\").");
            }
        } catch (SQLException e) {
            throw new StackException("cannot set up replication from " + writer.name() + " to " + standby.name()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Optional<RegionSetup.Epoch> epoch(PostgresRegion region) {
        try (Connection dba = region.connectAsDba(PostgresRegion.DATABASE)) {
            return Statements.exists(dba, "SELECT 1 WHERE to_regclass('dr.topology') IS NOT NULL")
                    ? RegionSetup.epoch(dba) : Optional.empty();
        } catch (SQLException e) {
            throw new StackException("cannot read the topology of " + region.name() + ": " + e.getMessage(), e);
        }
    }
}
