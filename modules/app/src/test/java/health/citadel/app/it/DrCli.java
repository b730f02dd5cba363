package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code bin/citadel dr ...} as a DBA runs it, straight against the databases. */
final class DrCli {

    /** The exit code and what the command printed. */
    record Result(int exitCode, String output) {

        JsonNode json() throws Exception {
            return Stack.JSON.readTree(output);
        }
    }

    private DrCli() {
    }

    static Result run(String... arguments) throws Exception {
        Path root = Path.of(System.getProperty("citadel.root"));
        Path output = Files.createTempFile("dr", ".out");
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/citadel").toString(), "dr"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "dr " + String.join(" ", arguments) + " finished");
        try {
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.delete(output);
        }
    }
}
