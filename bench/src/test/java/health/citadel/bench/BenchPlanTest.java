package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPlanTest {

    @Test
    void roundsAlternateTheOrderAndLeaveProductionDeployed() {
        assertEquals(List.of(Variant.AUDIT_REMOVED, Variant.PLAINTEXT_CIPHER, Variant.PRODUCTION),
                BenchPlan.quick().schedule());
        assertEquals(List.of(Variant.PRODUCTION, Variant.PLAINTEXT_CIPHER, Variant.AUDIT_REMOVED,
                        Variant.AUDIT_REMOVED, Variant.PLAINTEXT_CIPHER, Variant.PRODUCTION),
                BenchPlan.full().schedule());
    }

    @Test
    void everyClientOwnsAPatientToUpdate() {
        for (BenchPlan plan : List.of(BenchPlan.quick(), BenchPlan.full())) {
            assertTrue(plan.chartPatients() >= plan.concurrency(), plan.mode());
        }
    }
}
