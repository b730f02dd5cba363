package health.citadel.dr.api;

import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Replication;
import health.citadel.dr.internal.SubscriptionConnection;
import health.citadel.dr.internal.Topology;
import health.citadel.dr.internal.upgrade.SchemaUpgrade;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a launcher needs to set up a pair of regions, with the same statements the DR operations use: name
 * each region, migrate and publish both as {@code dr migrate} does, record the first epoch, fence the standby
 * and subscribe it. Each call is safe to repeat.
 */
public final class RegionSetup {

    /** The newest epoch a region has recorded: from it on, {@code writer} alone takes writes. */
    public record Epoch(long number, String writer) {
    }

    /**
     * One region as a schema upgrade reaches it: the migrations run as the schema owner, the publication is set
     * up through a DBA connection, which stays the caller's to close.
     */
    public record Upgrading(String name, DataSource owner, Connection dba) {
    }

    private RegionSetup() {
    }

    public static void name(Connection dba, String region) throws SQLException {
        Topology.nameRegion(dba, region);
    }

    public static Optional<Epoch> epoch(Connection connection) throws SQLException {
        return Topology.current(connection).map(e -> new Epoch(e.number(), e.writer()));
    }

    public static void recordEpoch(Connection dba, Epoch epoch) throws SQLException {
        Topology.record(dba, new Topology.Epoch(epoch.number(), epoch.writer()));
    }

    /** Keeps the application's logins from writing to this region; see the README's DR section. */
    public static void fence(Connection dba, String app, String owner) throws SQLException {
        RegionFence.raise(dba, new ApplicationLogins(app, owner, ""));
    }

    public static boolean subscribed(Connection dba) throws SQLException {
        return Replication.subscribed(dba);
    }

    /**
     * Subscribes a fresh standby, copying the writer's rows first.
     *
     * @param consoleLogin the DBA console's DR login, which is given the subscription; empty where there is none
     */
    public static void subscribe(Connection dba, String publisherConninfo, String consoleLogin) throws SQLException {
        Replication.subscribe(dba, publisherConninfo, true, consoleLogin);
    }

    /** How the standby's subscription reaches the writer: see {@link SubscriptionConnection}. */
    public static String conninfo(String publisherJdbcUrl, String replicator, String replicatorPassword) {
        return SubscriptionConnection.to(publisherJdbcUrl, replicator, replicatorPassword);
    }


    /**
     * Migrates the standby, then the writer, then lets the tables the migrations added replicate, exactly as
     * {@code bin/citadel dr migrate} does once it has found the migrations additive.
     *
     * @param migrations where the per-module folders are, such as {@code filesystem:/path/to/db/migrations}
     */
    public static void upgrade(String migrations, String app, String owner, String replicator, Upgrading standby,
                               Upgrading writer, String writerConninfo) throws SQLException {
        new SchemaUpgrade(migrations, new ApplicationLogins(app, owner, ""), replicator)
                .run(standby, writer, writerConninfo);
    }
}
