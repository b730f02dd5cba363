package health.citadel.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long and how hard: every operation runs at {@code concurrency} clients, first for {@code warmUp}
 * (discarded), then for {@code measured}. Each round deploys the variants in turn, and rounds alternate the
 * order, so that a drift of the machine's speed during the run does not favour one variant. The full run
 * also times the whole stack's start and compares the variants; the quick one measures production only.
 *
 * @param switchovers how many planned switchovers the DR part runs, alternating, so an even number ends where
 *                    it began
 */
record BenchPlan(String mode, int concurrency, Duration warmUp, Duration measured, int rounds, int chartPatients,
                 boolean comparesVariants, boolean timesStackStart, int switchovers) {

    static BenchPlan full() {
        return new BenchPlan("full", 8, Duration.ofSeconds(4), Duration.ofSeconds(8), 2, 16, true, true, 10);
    }

    static BenchPlan quick() {
        return new BenchPlan("quick", 8, Duration.ofSeconds(3), Duration.ofSeconds(3), 1, 8, false, false, 4);
    }

    /**
     * The replication phase: the whole workload mixed, on production, for twice the measured window, with the
     * standby's lag sampled. It runs apart from the phases the ratios compare, because sampling costs CPU.
     */
    BenchPlan replicationPhase() {
        return new BenchPlan(mode, concurrency, warmUp, measured.multipliedBy(2), 1, chartPatients, comparesVariants,
                timesStackStart, switchovers);
    }

    /** The variants in the order they are deployed: the last round ends on production, so the stack is left on it. */
    List<Variant> schedule() {
        if (!comparesVariants) {
            return List.of(Variant.PRODUCTION);
        }
        List<Variant> schedule = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Variant> order = new ArrayList<>(List.of(Variant.AUDIT_REMOVED, Variant.PLAINTEXT_CIPHER,
                    Variant.PRODUCTION));
            if ((rounds - 1 - round) % 2 == 1) {
                Collections.reverse(order);
            }
            schedule.addAll(order);
        }
        return schedule;
    }
}
