package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchResultsTest {

    private static Measurement rate(String operation, Variant variant, long operations) {
        return new Measurement(operation, variant, operations, 10.0, new long[] {1});
    }

    private static final BenchResults RESULTS = new BenchResults(BenchPlan.quick(), Instant.EPOCH, Instant.EPOCH,
            List.of(rate(ChartWorkload.READ_CHART, Variant.PRODUCTION, 900),
                    rate(ChartWorkload.READ_CHART, Variant.PLAINTEXT_CIPHER, 1000),
                    rate(ChartWorkload.READ_CHART, Variant.AUDIT_REMOVED, 1200),
                    rate(ChartWorkload.CREATE_PATIENT, Variant.PRODUCTION, 400),
                    rate(ChartWorkload.CREATE_PATIENT, Variant.PLAINTEXT_CIPHER, 500),
                    rate(ChartWorkload.CREATE_PATIENT, Variant.AUDIT_REMOVED, 400),
                    rate(RawInsertFloor.OPERATION, Variant.PRODUCTION, 8000),
                    rate(ChartWorkload.PORTAL_CHART_PAGE, Variant.PRODUCTION, 630),
                    rate(ChartWorkload.WHO_AM_I, Variant.PRODUCTION, 3600)),
            List.of(), 0, new BenchResults.Startup(null, null, null), null,
            List.of(switchover("a", "b", 300, 900, 10), switchover("b", "a", 100, 700, 30),
                    switchover("a", "b", 250, 800, 20), switchover("b", "a", 700, 1500, 50)),
            null, List.of(new BenchResults.CpuCost(ChartWorkload.READ_CHART, Variant.PRODUCTION,
                    Map.of(MachineCpu.MACHINE, 10.0)), new BenchResults.CpuCost(ChartWorkload.READ_CHART,
                    Variant.PRODUCTION, Map.of(MachineCpu.MACHINE, 14.0)), new BenchResults.CpuCost(
                    ChartWorkload.READ_CHART, Variant.AUDIT_REMOVED, Map.of(MachineCpu.MACHINE, 3.0))),
            new BackupTimings.Result(1000, 1.5, 52_000, 2.5, 60_000_000, 4.0, 12.0));

    private static SwitchoverSeries.Run switchover(String from, String to, double window, double gap, double fence) {
        return new SwitchoverSeries.Run(from, to, window, gap, List.of(new SwitchoverSeries.Step("fence the old writer",
                fence), new SwitchoverSeries.Step("open the new writer", window - fence)));
    }

    @Test
    void eachSwitchoverStepsMedianIsOverAllRunsInTheOrderTheStepsRun() {
        assertEquals(List.of("fence the old writer", "open the new writer"),
                List.copyOf(RESULTS.switchoverStepMedians().keySet()));
        assertEquals(25.0, RESULTS.switchoverStepMedians().get("fence the old writer"));
        assertEquals(260.0, RESULTS.switchoverStepMedians().get("open the new writer"), "(290, 70, 230, 650)");
    }

    /** Each run begins a new epoch: named by its number, the step would be a row per run rather than one. */
    @Test
    void aReportedStepIsNamedAlikeInEitherDirectionAndAtEveryEpoch() {
        SwitchoverSeries.Step first = SwitchoverSeries.Step.reported("begin epoch 7 and open b", "a", "b", 40);
        SwitchoverSeries.Step next = SwitchoverSeries.Step.reported("begin epoch 8 and open a", "b", "a", 50);
        assertEquals("begin the next epoch and open the new writer", first.name());
        assertEquals(first.name(), next.name());
    }

    @Test
    void productionsCpuCostIsTheMeanOfItsRoundsAndLeavesTheVariantsOut() {
        assertEquals(Map.of(ChartWorkload.READ_CHART, Map.of(MachineCpu.MACHINE, 12.0)), RESULTS.productionCpu());
    }

    @Test
    void theSwitchoverWindowIsReportedAsMedianAndMaximum() {
        assertEquals(275, RESULTS.switchoverMillis(false), 1e-9);
        assertEquals(700, RESULTS.switchoverMillis(true), 1e-9);
    }

    @Test
    void eachRatioIsProductionOverTheVariantForOneOperation() {
        List<BenchResults.Ratio> ratios = RESULTS.ratios();
        BenchResults.Ratio readEncryption = find(ratios, ChartWorkload.READ_CHART, Variant.PLAINTEXT_CIPHER.label);
        assertEquals(0.9, readEncryption.value(), 1e-9);
        assertTrue(readEncryption.meetsGoal());
        BenchResults.Ratio readAudit = find(ratios, ChartWorkload.READ_CHART, Variant.AUDIT_REMOVED.label);
        assertEquals(0.75, readAudit.value(), 1e-9);
        assertFalse(readAudit.meetsGoal(), "below the audit goal of 0.85");
        assertEquals(0.05, find(ratios, ChartWorkload.CREATE_PATIENT, "raw JDBC insert").value(), 1e-9);
    }

    @Test
    void thePortalsChartPageIsMeasuredAgainstTheRestReadOfTheSameRun() {
        BenchResults.Ratio page = find(RESULTS.ratios(), ChartWorkload.PORTAL_CHART_PAGE, BenchResults.REST_CHART_READ);
        assertEquals(0.7, page.value(), 1e-9);
        assertFalse(page.meetsGoal(), "below the portal's goal of 0.8");
    }

    @Test
    void everyOperationIsReadAgainstTheFrameworksFloorButTheFloorDoesNotEnterTheVariantsMeans() {
        List<BenchResults.Ratio> ratios = RESULTS.ratios();
        assertEquals(0.25, find(ratios, ChartWorkload.READ_CHART, ChartWorkload.WHO_AM_I).value(), 1e-9);
        assertEquals(1.0 / 9, find(ratios, ChartWorkload.CREATE_PATIENT, ChartWorkload.WHO_AM_I).value(), 1e-9);
        assertTrue(ratios.stream().noneMatch(r -> r.operation().equals(ChartWorkload.WHO_AM_I)));
    }

    @Test
    void theOverallRatioIsTheGeometricMean() {
        assertEquals(Math.sqrt(0.9 * 0.8), RESULTS.overall(Variant.PLAINTEXT_CIPHER).orElseThrow(), 1e-9);
        assertEquals(Math.sqrt(0.75 * 1.0), RESULTS.overall(Variant.AUDIT_REMOVED).orElseThrow(), 1e-9);
    }

    private static BenchResults.Ratio find(List<BenchResults.Ratio> ratios, String operation, String against) {
        return ratios.stream().filter(r -> r.operation().equals(operation) && r.against().equals(against))
                .findFirst().orElseThrow();
    }
}
