package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LateCommitsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void sweepsFirstThenOnlyOnceAMinuteWhileThisInstanceKeepsTheChain() {
        LateCommits late = new LateCommits();
        assertTrue(late.sweepDue(100, NOW), "an instance that linked nothing yet sweeps");
        late.recordBatch(100, List.of(101L, 102L), 102, true, NOW);
        assertFalse(late.sweepDue(102, NOW.plusSeconds(30)));
        assertTrue(late.sweepDue(102, NOW.plus(LateCommits.SWEEP_EVERY)), "the safety net");
        assertTrue(late.sweepDue(150, NOW.plusSeconds(30)), "another instance moved the chain on");
    }

    @Test
    void aSkippedSequenceNumberIsAskedForUntilItCommits() {
        LateCommits late = new LateCommits();
        late.recordBatch(100, List.of(101L, 104L), 104, true, NOW);
        assertEquals(104, late.highWater());
        assertArrayEquals(new Long[] {102L, 103L}, sorted(late.holes(NOW)));

        late.recordBatch(104, List.of(103L, 105L), 105, false, NOW.plusSeconds(1));
        assertArrayEquals(new Long[] {102L}, sorted(late.holes(NOW.plusSeconds(1))));
        assertEquals(105, late.highWater());
    }

    @Test
    void aHoleOlderThanAnyTransactionWasARollback() {
        LateCommits late = new LateCommits();
        late.recordBatch(100, List.of(102L), 102, true, NOW);
        assertArrayEquals(new Long[] {101L}, late.holes(NOW.plus(LateCommits.HOLE_LIFETIME)));
        assertArrayEquals(new Long[0], late.holes(NOW.plus(LateCommits.HOLE_LIFETIME).plusSeconds(1)));
    }

    @Test
    void belowTheChainHeadOnlyTheSweepLooks() {
        LateCommits late = new LateCommits();
        // a restarted instance: the chain already reaches 5000, the sweep finds one late event far below it
        late.recordBatch(5000, List.of(4200L, 5001L), 5001, true, NOW);
        assertArrayEquals(new Long[0], late.holes(NOW), "4201..4999 are linked, not holes");
        assertEquals(5001, late.highWater());
    }

    @Test
    void aSequenceMovedForwardByAFailoverIsAGapNotHoles() {
        LateCommits late = new LateCommits();
        late.recordBatch(100, List.of(101L), 101, true, NOW);
        late.recordBatch(101, List.of(101L + 1 + LateCommits.MAX_HOLES), 101L + 1 + LateCommits.MAX_HOLES, false, NOW);
        assertArrayEquals(new Long[0], late.holes(NOW), "a failover's gap of sequence numbers is not remembered");
        late.recordBatch(1102, List.of(1102L + LateCommits.MAX_HOLES), 1102L + LateCommits.MAX_HOLES, false, NOW);
        assertEquals(LateCommits.MAX_HOLES - 1, late.holes(NOW).length, "a jump of MAX_HOLES is still holes");
    }

    private static Long[] sorted(Long[] values) {
        Arrays.sort(values);
        return values;
    }
}
