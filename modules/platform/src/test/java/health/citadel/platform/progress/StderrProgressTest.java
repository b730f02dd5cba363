package health.citadel.platform.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phase lines everywhere; counted work a bar on a terminal, and a line a tenth elsewhere. */
class StderrProgressTest {

    private final StringWriter written = new StringWriter();

    @Test
    void offATerminalEveryLineStaysAndCountedWorkPrintsATenthAtATime() {
        try (StderrProgress progress = new StderrProgress(new PrintWriter(written), false, "dr verify")) {
            progress.phase("waiting for region b to catch up");
            for (int table = 1; table <= 40; table++) {
                progress.counted("tables compared", table, 40);
            }
        }

        List<String> lines = written.toString().lines().toList();
        assertEquals("dr verify: waiting for region b to catch up ...", lines.get(0));
        assertEquals("dr verify: 4 of 40 tables compared (10%)", lines.get(1));
        assertEquals("dr verify: 40 of 40 tables compared (100%)", lines.get(10));
        assertEquals(11, lines.size(), written.toString());
        assertFalse(written.toString().contains("\r"), "no line is drawn over");
    }

    @Test
    void onATerminalCountedWorkIsABarRedrawnInPlaceThatEndsItsLine() {
        try (StderrProgress progress = new StderrProgress(new PrintWriter(written), true, "audit verify")) {
            for (int event = 0; event <= 1000; event++) {
                progress.counted("events checked", event, 1000);
            }
            progress.phase("checking for events outside the chain");
        }

        String text = written.toString();
        assertEquals(101, text.split("\r", -1).length - 1, "one redraw per percent, 0 to 100");
        assertTrue(text.contains("\raudit verify: [###############...............] 500 of 1000 events checked (50%)"),
                text);
        assertTrue(text.contains("(100%)\033[K\naudit verify: checking for events outside the chain ...\n"), text);
    }

    @Test
    void aBarLeftOpenIsEndedOnClose() {
        StderrProgress progress = new StderrProgress(new PrintWriter(written), true, "dr backup");
        progress.counted("tables copied", 3, 17);

        progress.close();

        assertTrue(written.toString().endsWith("(17%)\033[K\n"), written.toString());
    }
}
