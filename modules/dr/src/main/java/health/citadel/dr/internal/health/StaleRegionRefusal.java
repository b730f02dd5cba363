package health.citadel.dr.internal.health;

import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.Topology;
import health.citadel.platform.jdbc.ConnectionAdmission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses a connection to a region that is not the writer of the newest topology epoch the application knows
 * of: a standby, or a former writer that came back after a failover with its old epoch. The fence keeps the
 * application out of such a region too; this check holds where the fence is missing (a region restarted by
 * hand, before anyone fenced it). The region's name and epoch are read at each admission, once per
 * transaction ({@code ApplicationDatabase}).
 */
@ApplicationScoped
class StaleRegionRefusal implements ConnectionAdmission {

    /** SQLState for a read-only transaction: writes are what must not happen here. */
    static final String REFUSED = "25006";

    private record RegionEpoch(String region, long epoch, String writer) {
    }

    /** Never goes down: an epoch once seen anywhere outdates every lower one. */
    private final AtomicLong newest = new AtomicLong();

    @Inject
    ReplicationWatch watch;

    @Override
    public void admit(Connection connection) throws SQLException {
        if (!watch.configured()) {
            return;
        }
        RegionEpoch region = read(connection);
        long newestKnown = newest.accumulateAndGet(Math.max(region.epoch(), newestProbed()), Math::max);
        if (region.epoch() < newestKnown) {
            throw new SQLException("region " + region.region() + " is at topology epoch " + region.epoch()
                    + ", but epoch " + newestKnown + " has begun elsewhere: it must be fenced and rejoined", REFUSED);
        }
        if (!region.region().equals(region.writer())) {
            throw new SQLException("region " + region.region() + " is not the writer of epoch " + region.epoch(),
                    REFUSED);
        }
    }

    private long newestProbed() {
        ReplicationStatus status = watch.latestOrProbe();
        return Math.max(epoch(status.writer()), epoch(status.standby()));
    }

    private static long epoch(ReplicationStatus.Region region) {
        return region == null || region.epoch() == null ? 0 : region.epoch();
    }

    private static RegionEpoch read(Connection connection) throws SQLException {
        Optional<String> name = Topology.regionName(connection);
        Optional<Topology.Epoch> epoch = Topology.current(connection);
        if (name.isEmpty() || epoch.isEmpty()) {
            throw new SQLException("this region has no name or topology epoch; set it up with bin/citadel up or as the "
                    + "README's DR runbooks say", REFUSED);
        }
        return new RegionEpoch(name.get(), epoch.get().number(), epoch.get().writer());
    }
}
