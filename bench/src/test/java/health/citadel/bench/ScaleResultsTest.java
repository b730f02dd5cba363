package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleResultsTest {

    private static Measurement rate(String operation, long operations) {
        return new Measurement(operation, Variant.PRODUCTION, operations, 10.0, new long[] {1});
    }

    private static ScaleRun.Result loadedIn(double seconds) {
        return new ScaleRun.Result(400, 1300, 100_000, 1_000_100, seconds,
                List.of(rate(ChartWorkload.READ_CHART, 1200), rate(ChartWorkload.SEARCH_BY_MRN, 1400)),
                List.of(rate(ChartWorkload.SEARCH_BY_MRN, 700), rate(ChartWorkload.READ_CHART, 1080)), 200.0, 60.0);
    }

    @Test
    void eachOperationAtScaleIsComparedWithItselfBeforeTheLoad() {
        assertEquals(Map.of(ChartWorkload.SEARCH_BY_MRN, 0.5, ChartWorkload.READ_CHART, 0.9),
                loadedIn(500).ratios());
    }

    @Test
    void theSummarySaysWhetherTheLoadMetItsGoal() {
        String met = ScaleResults.markdown(loadedIn(500), Instant.EPOCH, "bin/citadel bench --scale");
        String missed = ScaleResults.markdown(loadedIn(900), Instant.EPOCH, "bin/citadel bench --scale");

        assertTrue(met.contains("in 500 s (goal < 10 min: met)"), met);
        assertTrue(missed.contains("in 900 s (goal < 10 min: MISSED)"), missed);
        assertTrue(met.contains("| read chart | 120.0 | 108.0 | 0.90 |"), met);
    }
}
