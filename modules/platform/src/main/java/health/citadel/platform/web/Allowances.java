package health.citadel.platform.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per caller (a user, an address): {@code burst} requests at once, refilled at {@code perSecond}.
 * Only the {@code callersKept} most recently seen callers keep a bucket, so a flood of new addresses cannot
 * exhaust memory; a forgotten caller starts again with a full bucket.
 */
final class Allowances {

    private final long burst;
    private final long perSecond;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets;

    Allowances(long burst, long perSecond, int callersKept, TimeMeter clock) {
        if (burst < 1 || perSecond < 1 || callersKept < 1) {
            throw new IllegalArgumentException("a rate limit needs a burst, a rate per second and room for callers "
                    + "of at least 1");
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > callersKept;
            }
        };
    }

    /** Takes one request from the caller's allowance; empty when it was there, else how long until it is. */
    Optional<Duration> take(String caller) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(caller, ignored -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                    .withCustomTimePrecision(clock).build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
