package health.citadel.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What one operation achieved under one variant: operations completed inside the measured window, the window's
 * length, and the latency of each of those operations.
 */
record Measurement(String operation, Variant variant, long operations, double seconds, long[] latencyNanos) {

    double opsPerSecond() {
        return operations / seconds;
    }

    /** The nearest-rank percentile, in milliseconds. */
    double percentileMillis(double percentile) {
        if (latencyNanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = sorted();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    long[] sorted() {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Several rounds of one operation and variant as one: counts and windows add up, latencies pool. */
    static Measurement pooled(List<Measurement> rounds) {
        Measurement first = rounds.get(0);
        long operations = 0;
        double seconds = 0;
        long[] latencies = new long[0];
        for (Measurement round : rounds) {
            if (!round.operation.equals(first.operation) || round.variant != first.variant) {
                throw new IllegalArgumentException("only rounds of one operation and variant pool");
            }
            operations += round.operations;
            seconds += round.seconds;
            long[] joined = Arrays.copyOf(latencies, latencies.length + round.latencyNanos.length);
            System.arraycopy(round.latencyNanos, 0, joined, latencies.length, round.latencyNanos.length);
            latencies = joined;
        }
        return new Measurement(first.operation, first.variant, operations, seconds, latencies);
    }
}
