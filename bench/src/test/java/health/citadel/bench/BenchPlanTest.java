package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPlanTest {

    @Test
    void roundsAlternateTheOrderAndLeaveProductionDeployed() {
        assertEquals(List.of(Variant.PRODUCTION), BenchPlan.quick().schedule(), "the quick run measures production");
        assertEquals(List.of(Variant.PRODUCTION, Variant.PLAINTEXT_CIPHER, Variant.AUDIT_REMOVED,
                        Variant.AUDIT_REMOVED, Variant.PLAINTEXT_CIPHER, Variant.PRODUCTION),
                BenchPlan.full().schedule());
    }

    @Test
    void switchoversComeInPairsSoTheWriterEndsWhereItBegan() {
        for (BenchPlan plan : List.of(BenchPlan.quick(), BenchPlan.full())) {
            assertEquals(0, plan.switchovers() % 2, plan.mode());
        }
        assertEquals(10, BenchPlan.full().switchovers(), "the issue asks for the window over 10 runs");
    }

    @Test
    void everyClientOwnsAPatientToUpdate() {
        for (BenchPlan plan : List.of(BenchPlan.quick(), BenchPlan.full())) {
            assertTrue(plan.chartPatients() >= plan.concurrency(), plan.mode());
        }
    }
}
