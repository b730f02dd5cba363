package health.citadel.dr.internal.operations;

import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Replication;
import health.citadel.dr.internal.Sequences;
import health.citadel.dr.internal.Topology;
import health.citadel.platform.jdbc.Statements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Promotes the standby when the writer is lost, without contacting it. Commits the writer acknowledged after
 * the newest heartbeat the standby applied may be lost; the report dates that heartbeat and estimates the
 * window from the lag last seen plus one heartbeat interval, because the writer beat at least that often
 * while it was alive. Where the standby's subscription had been stopped, the writer may have gone on alone
 * for any time since that heartbeat, so the estimate is all of it. The lost commits stay in the old writer's
 * replication slot for a salvage.
 */
final class Failover {

    /** Sequences move this far past the highest key the new writer holds: room for salvaged commits. */
    static final long SEQUENCE_GAP = 10_000;
    /** Scheduling slack of the heartbeat on a busy writer, on top of its interval. */
    static final Duration HEARTBEAT_SLACK = Duration.ofMillis(250);

    /**
     * @param lastAppliedCommit the writer's time of the newest heartbeat the standby applied: every commit the
     *                          writer made before it has been replicated
     * @param lastKnownLag      how long that heartbeat took to be applied
     * @param estimatedRpo      commits acknowledged within this long before the writer was lost may be missing
     * @param appliedLsn        the writer's WAL position up to which the standby applied, for a salvage
     */
    public record Report(String from, String to, long epoch, Instant lastAppliedCommit, Duration lastKnownLag,
                         Duration estimatedRpo, String appliedLsn, Duration took) {
    }

    private final RegionAccess regions;
    private final Duration heartbeatInterval;

    public Failover(RegionAccess regions, Duration heartbeatInterval) {
        this.regions = regions;
        this.heartbeatInterval = heartbeatInterval;
    }

    public Report run() throws SQLException {
        long began = System.nanoTime();
        String standby = standby();
        String lost = regions.other(standby);
        if (answersUnfenced(lost)) {
            throw new SQLException("region " + lost + " still answers and is not fenced: use switchover, or fence it "
                    + "first (bin/citadel dr fence " + lost + ") if the application cannot reach it");
        }
        try (Connection next = regions.dba(standby)) {
            Topology.Epoch current = Topology.current(next)
                    .orElseThrow(() -> new SQLException("region " + standby + " has no topology epoch"));
            Instant lastApplied = null;
            Duration lag = Duration.ZERO;
            try (PreparedStatement heartbeat = next.prepareStatement(
                    "SELECT beat_at, applied_at FROM dr.heartbeat WHERE id = 1");
                 ResultSet row = heartbeat.executeQuery()) {
                if (row.next()) {
                    lastApplied = row.getTimestamp(1).toInstant();
                    if (row.getTimestamp(2) != null) {
                        lag = Duration.between(lastApplied, row.getTimestamp(2).toInstant());
                    }
                }
            }
            // a stopped subscription says nothing about how long the writer went on alone
            boolean streaming = Statements.exists(next, "SELECT 1 FROM pg_subscription WHERE subname = ? AND subenabled",
                    Replication.SUBSCRIPTION);
            String appliedLsn = Statements.column(next, "SELECT o.remote_lsn::text FROM pg_subscription s "
                    + "JOIN pg_replication_origin_status o ON o.external_id = 'pg_' || s.oid WHERE s.subname = ?",
                    Replication.SUBSCRIPTION).stream().findFirst().orElse(null);
            Replication.unsubscribe(next, false);
            Sequences.bringForward(next, null, SEQUENCE_GAP);
            long epoch = current.number() + 1;
            Topology.record(next, new Topology.Epoch(epoch, standby));
            RegionFence.lift(next, regions.application());
            Duration rpo = heartbeatInterval.plus(lag.isNegative() ? Duration.ZERO : lag).plus(HEARTBEAT_SLACK);
            if (!streaming && lastApplied != null) {
                rpo = Duration.between(lastApplied, Instant.now());
            }
            return new Report(lost, standby, epoch, lastApplied, lag, rpo, appliedLsn,
                    Duration.ofNanos(System.nanoTime() - began));
        }
    }

    /** The region that subscribes: the standby. */
    private String standby() throws SQLException {
        for (String region : regions.names()) {
            try (Connection connection = regions.dba(region)) {
                if (Replication.subscribed(connection)) {
                    return region;
                }
            } catch (SQLException unreachable) {
                // the lost writer, most likely; the other region must answer
            }
        }
        throw new SQLException("no reachable region subscribes to a writer: there is no standby to promote");
    }

    /** A writer that still answers and is not fenced would go on taking writes: that is a switchover's case. */
    private boolean answersUnfenced(String writer) {
        try (Connection connection = regions.dba(writer)) {
            return !RegionFence.raised(connection, regions.application());
        } catch (SQLException unreachable) {
            return false;
        }
    }
}
