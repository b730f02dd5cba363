package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JFR recording of this JVM serialising JSON: the samples must land on the JSON part and its methods. */
class LibertyProfileTest {

    @TempDir
    Path directory;

    @Test
    void samplesOfJsonWorkAreCountedToTheJsonPart() throws Exception {
        Path file = directory.resolve("json.jfr");
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> document = Map.of("patient", Map.of("family", "Example", "given", List.of("A", "B")),
                "observations", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            // long enough for a few dozen samples even on a machine busy with other work
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            long written = 0;
            while (System.nanoTime() < until) {
                written += json.writeValueAsString(document).length();
            }
            assertTrue(written > 0);
            recording.stop();
            recording.dump(file);
        }

        LibertyProfile.Summary summary = LibertyProfile.summarise(RecordingFile.readAllEvents(file));

        assertTrue(summary.samples() >= 5, "samples: " + summary.samples());
        assertEquals("JSON", summary.parts().get(0).name(), summary.parts().toString());
        assertTrue(summary.parts().get(0).percent() > 50, summary.parts().toString());
        assertTrue(summary.methods().stream().mapToDouble(LibertyProfile.Share::percent).sum() <= 100.0 + 1e-9);
        assertTrue(summary.methods().get(0).samples() >= summary.methods().get(summary.methods().size() - 1).samples(),
                "methods are ranked by their samples");
    }
}
