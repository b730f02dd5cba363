package health.citadel.dr.api;

import java.time.Instant;

/**
 * How replication from the writer to the standby stood when both databases were probed. A value the probe
 * could not read is null, and {@code problems} says why, in words that carry no data.
 *
 * @param lagSeconds           the age, by the writer's clock, of the newest heartbeat the standby has applied;
 *                             the writer beats every second, so this is at most a second above the true lag
 * @param lagBytes             WAL the writer has written that the standby has not confirmed applying
 * @param lastAppliedHeartbeat the writer's time of the newest heartbeat the standby has applied: every commit
 *                             before it has been replicated
 */
public record ReplicationStatus(Instant probedAt, Region writer, Region standby, Double lagSeconds, Long lagBytes,
                                Slot slot, Subscription subscription, Instant lastAppliedHeartbeat,
                                java.util.List<String> problems) {

    /** One region as the probe saw it; {@code epoch} is the topology epoch that region has recorded. */
    public record Region(String name, boolean reachable, Long epoch, String writerRegion) {
    }

    /** The writer's replication slot for the standby's subscription. */
    public record Slot(String name, boolean active, String walStatus) {
    }

    /** The standby's subscription and its apply worker. */
    public record Subscription(String name, boolean enabled, boolean workerRunning, long applyErrors,
                               long syncErrors) {
    }

    /** Healthy: both regions answer, the worker applies without errors, and the lag is within {@code maxLagSeconds}. */
    public boolean healthy(double maxLagSeconds) {
        return problems.isEmpty() && lagSeconds != null && lagSeconds <= maxLagSeconds;
    }
}
