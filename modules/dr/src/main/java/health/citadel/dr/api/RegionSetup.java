package health.citadel.dr.api;

import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Replication;
import health.citadel.dr.internal.SubscriptionConnection;
import health.citadel.dr.internal.Topology;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a launcher needs to set up a pair of regions, with the same statements the DR operations use: name
 * each region, record the first epoch, publish everywhere, fence the standby and subscribe it. Each call runs
 * as a DBA and is safe to repeat.
 */
public final class RegionSetup {

    /** The newest epoch a region has recorded: from it on, {@code writer} alone takes writes. */
    public record Epoch(long number, String writer) {
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

    public static void publish(Connection dba, String replicator, String schemaOwner) throws SQLException {
        Replication.publish(dba, replicator, schemaOwner);
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
     * Points an existing subscription at the writer again, then picks up the tables that migrations added since
     * it was made. Setting the connection each time keeps a pair made before a security change (TLS) current.
     */
    public static void refresh(Connection dba, String publisherConninfo) throws SQLException {
        Replication.reconnect(dba, publisherConninfo);
        Replication.refresh(dba);
    }
}
