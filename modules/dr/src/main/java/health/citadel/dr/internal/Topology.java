package health.citadel.dr.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A region's own record of the topology: its name, and the epochs, each naming the writer from then on. Each
 * region keeps its own (never replicated), so a promoted standby moves to a new epoch that a lost writer
 * cannot know about, and the application can tell the lost writer is stale.
 */
public final class Topology {

    /** One epoch: from it on, {@code writer} is the only region that takes writes. */
    public record Epoch(long number, String writer) {
    }

    private Topology() {
    }

    public static Optional<Epoch> current(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT epoch, writer_region FROM dr.topology ORDER BY epoch DESC LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(new Epoch(row.getLong(1), row.getString(2))) : Optional.empty();
        }
    }

    /** Records a new epoch; an epoch number is never reused, so a second writer for one epoch fails. */
    public static void record(Connection dba, Epoch epoch) throws SQLException {
        try (PreparedStatement insert = dba.prepareStatement(
                "INSERT INTO dr.topology (epoch, writer_region, recorded_at) VALUES (?, ?, now())")) {
            insert.setLong(1, epoch.number());
            insert.setString(2, epoch.writer());
            insert.executeUpdate();
        }
    }

    /** Copies the epochs {@code to} has not recorded yet from {@code from}. */
    public static void catchUp(Connection from, Connection to) throws SQLException {
        long known = current(to).map(Epoch::number).orElse(0L);
        try (PreparedStatement query = from.prepareStatement(
                "SELECT epoch, writer_region FROM dr.topology WHERE epoch > ? ORDER BY epoch")) {
            query.setLong(1, known);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    record(to, new Epoch(rows.getLong(1), rows.getString(2)));
                }
            }
        }
    }

    /**
     * The writer by the newest epoch among the regions that answer: what a backup reads from, even while the
     * other region is lost.
     */
    public static String newestWriter(RegionAccess regions) throws SQLException {
        Optional<Epoch> newest = Optional.empty();
        SQLException unreachable = null;
        for (String region : regions.names()) {
            try (Connection dba = regions.dba(region)) {
                Optional<Epoch> epoch = current(dba);
                if (epoch.isPresent() && (newest.isEmpty() || epoch.get().number() > newest.get().number())) {
                    newest = epoch;
                }
            } catch (SQLException e) {
                unreachable = e;
            }
        }
        if (newest.isEmpty()) {
            throw unreachable != null ? unreachable : new SQLException("no region has a topology epoch");
        }
        return newest.get().writer();
    }

    public static Optional<String> regionName(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM dr.region");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    /** Names the region once; naming it differently later fails, because a region never changes its name. */
    public static void nameRegion(Connection dba, String name) throws SQLException {
        Optional<String> named = regionName(dba);
        if (named.isPresent() && !named.get().equals(name)) {
            throw new SQLException("this database is region " + named.get() + ", not " + name);
        }
        if (named.isEmpty()) {
            try (PreparedStatement insert = dba.prepareStatement("INSERT INTO dr.region (name) VALUES (?)")) {
                insert.setString(1, name);
                insert.executeUpdate();
            }
        }
    }
}
