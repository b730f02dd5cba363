package health.citadel.localstack;

import health.citadel.platform.jdbc.Statements;
import health.citadel.dr.api.RegionSetup;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Sets up the region pair the way the topology says: on a fresh stack region A writes and region B subscribes
 * to it; after a switchover or failover the newest epoch decides. Every region publishes, so whichever writes
 * already does; the standby (and a former writer that came back) is fenced. The migrations run first, the
 * standby's before the writer's: logical replication carries rows, not DDL.
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

    /**
     * Migrates the standby, then the writer, and lets new tables replicate, as {@code bin/citadel dr migrate} does
     * a release's migrations; on a fresh stack {@link #establish} subscribes the standby afterwards.
     *
     * @param migrations where the per-module folders are, as {@code filesystem:/path}
     */
    static void upgrade(PostgresRegion writer, PostgresRegion standby, String migrations, StackSecrets secrets) {
        try (Connection publisher = writer.connectAsDba(PostgresRegion.DATABASE);
             Connection subscriber = standby.connectAsDba(PostgresRegion.DATABASE)) {
            RegionSetup.upgrade(migrations, PostgresRegion.APP, PostgresRegion.OWNER, PostgresRegion.REPLICATOR,
                    new RegionSetup.Upgrading(standby.id(), owner(standby, secrets), subscriber),
                    new RegionSetup.Upgrading(writer.id(), owner(writer, secrets), publisher),
                    conninfo(writer, secrets));
        } catch (SQLException e) {
            throw new StackException("cannot migrate " + standby.name() + " and " + writer.name() + ": "
                    + e.getMessage(), e);
        }
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
            RegionSetup.fence(subscriber, PostgresRegion.APP, PostgresRegion.OWNER);
            if (RegionSetup.subscribed(subscriber)) {
                return;
            }
            if (fresh) {
                RegionSetup.subscribe(subscriber, conninfo(writer, secrets), PostgresRegion.DR_OPERATOR);
            } else {
                out.println("Note: " + standby.name() + " is fenced but does not subscribe to " + writer.name()
                        + ": salvage and rejoin it (README, runbook \"Failover\").");
            }
        } catch (SQLException e) {
            throw new StackException("cannot set up replication from " + writer.name() + " to " + standby.name()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String conninfo(PostgresRegion writer, StackSecrets secrets) {
        return RegionSetup.conninfo(writer.jdbcUrl(), PostgresRegion.REPLICATOR,
                secrets.get(StackSecrets.REPLICATOR_PASSWORD));
    }

    /** The schema owner's own login; a fenced region starts its transactions read-only, which a migration turns off. */
    private static DataSource owner(PostgresRegion region, StackSecrets secrets) {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(region.jdbcUrl());
        owner.setUser(PostgresRegion.OWNER);
        owner.setPassword(secrets.get(StackSecrets.OWNER_PASSWORD));
        owner.setOptions("-c default_transaction_read_only=off");
        return owner;
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
