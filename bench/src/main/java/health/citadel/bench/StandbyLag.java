package health.citadel.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * How far the standby trails the writer, from two series taken on one clock: the writer's flushed WAL position
 * sampled every few milliseconds, and the standby's applied position (its subscription's replication origin)
 * polled more often. A sample's lag is the time from the sample until the first poll that saw the standby at
 * or past its position; it is exact to the poll interval, plus the wait for the next commit after the sample,
 * which under a sustained write load is short.
 */
final class StandbyLag {

    /** One reading of a WAL position, at {@code nanos} on the benchmark's clock. */
    record Position(long nanos, long lsn) {
    }

    /** The samples' lags, and how many were never reached before the sampling stopped. */
    record Result(long[] lagNanos, long[] sampledAtNanos, int unreached) {
    }

    private StandbyLag() {
    }

    /** Both series must be in time order, as they were taken. */
    static Result match(List<Position> writer, List<Position> standby) {
        List<long[]> matched = new ArrayList<>();
        int unreached = 0;
        int poll = 0;
        for (Position sample : writer) {
            while (poll < standby.size()
                    && (standby.get(poll).nanos() < sample.nanos() || standby.get(poll).lsn() < sample.lsn())) {
                poll++;
            }
            if (poll == standby.size()) {
                unreached++;
                continue;
            }
            matched.add(new long[] {standby.get(poll).nanos() - sample.nanos(), sample.nanos()});
        }
        long[] lags = new long[matched.size()];
        long[] at = new long[matched.size()];
        for (int i = 0; i < lags.length; i++) {
            lags[i] = matched.get(i)[0];
            at[i] = matched.get(i)[1];
        }
        return new Result(lags, at, unreached);
    }

    /** A {@code pg_lsn} as text ({@code 16/B374D848}) as the number it stands for. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }
}
