package health.citadel.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What linking has already looked at, so a batch asks only for new events and for the holes: sequence numbers
 * passed over because their transaction had not committed yet, or had rolled back and never will. A batch then
 * costs the same however long the log is. A sweep over {@link ChainLinker#LATE_COMMIT_WINDOW} runs instead when
 * this instance did not link the previous batch (a restart, or another instance linked) and once a minute as a
 * safety net.
 */
final class LateCommits {

    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    /** Far longer than any transaction may run, so a hole this old was a rollback. */
    static final Duration HOLE_LIFETIME = Duration.ofMinutes(10);
    /** More sequence numbers skipped at once than this are a gap, not transactions still in flight. */
    static final int MAX_HOLES = 1_000;

    private final Map<Long, Instant> holes = new HashMap<>();
    /** The highest sequence number looked at; everything above it is new. */
    private long highWater = -1;
    /** The chain head's event sequence number as this instance left it; -1 before its first batch. */
    private long headSeq = -1;
    private Instant lastSweep = Instant.MIN;

    synchronized boolean sweepDue(long chainHeadSeq, Instant now) {
        return chainHeadSeq != headSeq || !now.isBefore(lastSweep.plus(SWEEP_EVERY));
    }

    synchronized long highWater() {
        return highWater;
    }

    /** The holes still worth asking for. */
    synchronized Long[] holes(Instant now) {
        holes.values().removeIf(seen -> seen.plus(HOLE_LIFETIME).isBefore(now));
        return holes.keySet().toArray(Long[]::new);
    }

    /**
     * Records a batch: a sequence number above the high-water mark that the batch skipped is a hole; one the
     * batch read is no longer one.
     *
     * @param chainHeadSeq the chain head's event sequence number before the batch
     * @param seen         the sequence numbers the batch read, in ascending order
     * @param newHeadSeq   the chain head's event sequence number after the batch
     */
    synchronized void recordBatch(long chainHeadSeq, List<Long> seen, long newHeadSeq, boolean swept, Instant now) {
        if (swept) {
            // below the chain head, only the sweep finds late commits: they are not holes to remember
            highWater = Math.max(highWater, chainHeadSeq);
            lastSweep = now;
        }
        for (long seq : seen) {
            if (seq > highWater) {
                // a jump wider than any number of transactions in flight is a sequence moved forward (a DR
                // failover leaves a gap), not holes; the periodic sweep still finds a late commit in it
                for (long skipped = highWater + 1; skipped < seq && seq - highWater <= MAX_HOLES; skipped++) {
                    holes.put(skipped, now);
                }
                highWater = seq;
            } else {
                holes.remove(seq);
            }
        }
        headSeq = newHeadSeq;
    }
}
