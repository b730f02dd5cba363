package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandbyLagTest {

    private static StandbyLag.Position at(long millis, long lsn) {
        return new StandbyLag.Position(millis * 1_000_000, lsn);
    }

    @Test
    void aSamplesLagRunsToTheFirstPollThatSawTheStandbyAtOrPastIt() {
        StandbyLag.Result result = StandbyLag.match(
                List.of(at(0, 100), at(10, 150), at(20, 400), at(30, 900)),
                List.of(at(1, 90), at(3, 120), at(12, 120), at(14, 400), at(36, 800)));
        // 100 is reached at 3 ms, 150 at 14 ms; 400 is sampled at 20 ms, after that poll, so it waits for the
        // one at 36 ms; 900 is never reached before the sampling stopped
        assertArrayEquals(new long[] {3_000_000, 4_000_000, 16_000_000}, result.lagNanos());
        assertArrayEquals(new long[] {0, 10_000_000, 20_000_000}, result.sampledAtNanos());
        assertEquals(1, result.unreached());
    }

    @Test
    void aPollBeforeTheSampleDoesNotCountEvenIfItIsAhead() {
        StandbyLag.Result result = StandbyLag.match(List.of(at(10, 100)), List.of(at(5, 500), at(12, 500)));
        assertArrayEquals(new long[] {2_000_000}, result.lagNanos(), "the standby's state is read after the sample");
    }

    @Test
    void positionsReadAsPostgresPrintsThem() {
        assertEquals(0x16_B374D848L, StandbyLag.lsn("16/B374D848"));
        assertEquals(0, StandbyLag.lsn("0/0"));
    }
}
