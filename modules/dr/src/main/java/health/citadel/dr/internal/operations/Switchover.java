package health.citadel.dr.internal.operations;

import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Replication;
import health.citadel.dr.internal.Sequences;
import health.citadel.dr.internal.Topology;
import health.citadel.dr.internal.health.Heartbeat;
import health.citadel.platform.jdbc.Statements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned move of the writer to the standby that loses nothing. First, while the writer still writes, the
 * standby makes the slot the old writer will subscribe through. Then the writer is fenced, a marker written after
 * the fence reaches the standby (so every earlier commit has too), the standby's subscription is dropped without
 * reaching the old writer, its sequences move past the old writer's, the old writer subscribes back through the
 * prepared slot before the new one takes a write, and only then does the new epoch begin and the new writer
 * open. Writes are refused from the fence to the opening; the old writer's slot, idle by then, goes after it.
 */
final class Switchover {

    /** One step and how long it took. */
    public record Step(String name, Duration took) {
    }

    /** What the switchover did; {@code writeUnavailable} runs from the fence to the new writer's opening. */
    public record Report(String from, String to, long epoch, Duration writeUnavailable, int sequencesMoved,
                         List<Step> steps) {
    }

    static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final String STRANDED = "the switchover stopped after replication ended; both regions stay "
            + "fenced, so neither takes writes (see bin/citadel dr status, then rejoin the region that is not to "
            + "be the writer) while opening ";

    private final RegionAccess regions;
    private final List<Step> steps = new ArrayList<>();
    private long stepStarted;

    public Switchover(RegionAccess regions) {
        this.regions = regions;
    }

    public Report run() throws SQLException, InterruptedException {
        Roles roles = Roles.of(regions);
        String from = roles.writer();
        String to = roles.standby();
        try (Connection old = regions.dba(from); Connection next = regions.dba(to)) {
            if (!Replication.subscribed(next)) {
                throw new SQLException("region " + to + " does not subscribe to " + from + ": rejoin it first");
            }
            if (!Statements.exists(next, "SELECT 1 FROM pg_publication WHERE pubname = ?", Replication.PUBLICATION)) {
                throw new SQLException("region " + to + " has no publication to replicate back from");
            }
            long epoch = roles.epoch() + 1;
            stepStarted = System.nanoTime();
            Replication.prepareSlot(next);
            step("prepare " + from + "'s slot on " + to + " (writes still taken)");
            long began = System.nanoTime();
            int moved;
            try {
                RegionFence.raise(old, regions.application());
                step("fence " + from);
                Instant marker = Heartbeat.stamp(old);
                step("write the marker");
                awaitMarker(next, marker);
                step("wait until " + to + " applied the marker");
            } catch (SQLException | InterruptedException | RuntimeException e) {
                // nothing has changed hands yet: the old writer goes on, and the prepared slot goes
                RegionFence.lift(old, regions.application());
                Replication.dropSlot(next);
                throw e;
            }
            try {
                // as if the publisher were unreachable: no round trip to it inside the window; its slot is
                // dropped below, once writes are taken again
                Replication.unsubscribe(next, false);
                step("stop replication into " + to);
                moved = Sequences.bringForward(next, old, 1);
                step("bring the sequences forward");
                Replication.subscribeThroughPreparedSlot(old, regions.conninfo(to), regions.application().console());
                step("subscribe " + from + " to " + to);
                Topology.record(next, new Topology.Epoch(epoch, to));
                Topology.record(old, new Topology.Epoch(epoch, to));
                RegionFence.lift(next, regions.application());
                step("begin epoch " + epoch + " and open " + to);
            } catch (SQLException e) {
                throw new SQLException(STRANDED + to + ": " + e.getMessage(), e.getSQLState(), e);
            } catch (RuntimeException e) {
                throw new IllegalStateException(STRANDED + to + ": " + e.getMessage(), e);
            }
            Duration writeUnavailable = Duration.ofNanos(System.nanoTime() - began);
            try {
                Replication.dropSlot(old);
                step("drop " + to + "'s old slot on " + from + " (writes taken again)");
            } catch (SQLException stillInUse) {
                // the switchover is done; an idle leftover is dropped by the next switchover's preparation
                step("left " + to + "'s old slot on " + from + ": " + stillInUse.getMessage());
            }
            return new Report(from, to, epoch, writeUnavailable, moved, List.copyOf(steps));
        }
    }

    private void step(String name) {
        long now = System.nanoTime();
        steps.add(new Step(name, Duration.ofNanos(now - stepStarted)));
        stepStarted = now;
    }

    private static void awaitMarker(Connection standby, Instant marker) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(CATCH_UP);
        try (PreparedStatement applied = standby.prepareStatement("SELECT 1 FROM dr.heartbeat WHERE beat_at >= ?")) {
            applied.setTimestamp(1, Timestamp.from(marker));
            while (true) {
                try (ResultSet row = applied.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new SQLException("the standby did not apply the marker within " + CATCH_UP.toSeconds()
                            + " s; the old writer is open again");
                }
                Thread.sleep(1);
            }
        }
    }
}
