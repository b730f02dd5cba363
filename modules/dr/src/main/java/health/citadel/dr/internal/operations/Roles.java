package health.citadel.dr.internal.operations;

import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.Topology;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Which region writes and which stands by, by the newest epoch either region has recorded. */
record Roles(String writer, String standby, long epoch) {

    /** Both regions must answer and agree: a planned operation never guesses. */
    static Roles of(RegionAccess regions) throws SQLException {
        String first = regions.names().get(0);
        String second = regions.names().get(1);
        Optional<Topology.Epoch> a;
        Optional<Topology.Epoch> b;
        try (Connection one = regions.dba(first); Connection two = regions.dba(second)) {
            a = Topology.current(one);
            b = Topology.current(two);
        }
        if (a.isEmpty() || b.isEmpty() || !a.equals(b)) {
            throw new SQLException("the regions do not agree on the topology (" + first + ": " + describe(a) + ", "
                    + second + ": " + describe(b) + "); a region that lost a failover must be rejoined first");
        }
        String writer = a.get().writer();
        if (!regions.names().contains(writer)) {
            throw new SQLException("the topology names region " + writer + ", which is not configured");
        }
        return new Roles(writer, regions.other(writer), a.get().number());
    }

    private static String describe(Optional<Topology.Epoch> epoch) {
        return epoch.map(e -> "epoch " + e.number() + ", writer " + e.writer()).orElse("no epoch");
    }
}
