package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    /** 1 ms to 100 ms, one each, shuffled by reversing. */
    private static final long[] HUNDRED = LongStream.rangeClosed(1, 100).map(i -> (101 - i) * 1_000_000).toArray();

    @Test
    void percentilesAreNearestRank() {
        Measurement m = new Measurement("read chart", Variant.PRODUCTION, 100, 4.0, HUNDRED);
        assertEquals(50.0, m.percentileMillis(50));
        assertEquals(95.0, m.percentileMillis(95));
        assertEquals(99.0, m.percentileMillis(99));
        assertEquals(100.0, m.percentileMillis(99.9));
        assertEquals(1.0, m.percentileMillis(0));
        assertEquals(25.0, m.opsPerSecond());
    }

    @Test
    void roundsPoolTheirCountsWindowsAndLatencies() {
        Measurement first = new Measurement("read chart", Variant.PRODUCTION, 30, 10.0, new long[] {1_000_000});
        Measurement second = new Measurement("read chart", Variant.PRODUCTION, 10, 10.0, new long[] {3_000_000});
        Measurement pooled = Measurement.pooled(List.of(first, second));
        assertEquals(2.0, pooled.opsPerSecond());
        assertEquals(3.0, pooled.percentileMillis(100));
        assertThrows(IllegalArgumentException.class, () -> Measurement.pooled(List.of(first,
                new Measurement("read chart", Variant.AUDIT_REMOVED, 1, 1.0, new long[0]))));
    }
}
