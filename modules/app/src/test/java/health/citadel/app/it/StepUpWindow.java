package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

/**
 * Liberty restarted with a short step-up window, so that a test sees a second factor grow too old in seconds rather
 * than the production quarter of an hour; and restarted again with the shipped one, for the classes after it.
 */
final class StepUpWindow {

    private StepUpWindow() {
    }

    static void shorten(Duration window) throws Exception {
        restart(CitadelCli.run(Map.of("CITADEL_IDENTITY_STEP_UP_MAX_AGE", window.toString()), "restart"));
    }

    static void restoreShipped() throws Exception {
        restart(CitadelCli.run("restart"));
    }

    private static void restart(CitadelCli.Result restart) {
        assertEquals(0, restart.exitCode(), restart.output());
    }
}
