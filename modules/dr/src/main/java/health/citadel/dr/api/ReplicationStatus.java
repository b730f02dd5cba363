package health.citadel.dr.api;

import java.time.Instant;
import java.util.List;

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
                                List<String> problems) {

    /** One region as the probe saw it; {@code epoch} is the topology epoch that region has recorded. */
    public record Region(String name, boolean reachable, Long epoch, String writerRegion) {
    }

    /**
     * The writer's replication slot for the standby's subscription, as the writer alone sees it: readable while the
     * standby is down, when it tells how far behind the standby has fallen.
     *
     * @param retainedBytes       WAL the writer keeps for the slot (from its {@code restart_lsn})
     * @param unconfirmedBytes    WAL the standby has not confirmed (from its {@code confirmed_flush_lsn})
     * @param confirmedAgeSeconds seconds since the standby last confirmed a position: since its last reply while
     *                            connected, since the slot went inactive otherwise; 0 when nothing is unconfirmed
     */
    public record Slot(String name, boolean active, String walStatus, Long retainedBytes, Long unconfirmedBytes,
                       Double confirmedAgeSeconds) {
    }

    /** The standby's subscription and its apply worker. */
    public record Subscription(String name, boolean enabled, boolean workerRunning, long applyErrors,
                               long syncErrors) {
    }
}
