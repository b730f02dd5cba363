package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code bin/citadel ...} as an operator runs it, with the stack's environment; errors go to the test's log. */
final class CitadelCli {

    /** The exit code and what the command printed. */
    record Result(int exitCode, String output) {

        JsonNode json() throws Exception {
            return Stack.JSON.readTree(output);
        }
    }

    private CitadelCli() {
    }

    static Result run(String... arguments) throws Exception {
        return run(Map.of(), arguments);
    }

    /** With these variables set on top of the test's own environment. */
    static Result run(Map<String, String> environment, String... arguments) throws Exception {
        return run(variables -> variables.putAll(environment), arguments);
    }

    /** With these variables set, and what the command printed on standard error in the output too. */
    static Result runWithErrors(Map<String, String> environment, String... arguments) throws Exception {
        return run(variables -> variables.putAll(environment), true, arguments);
    }

    /** With these variables of the test's own environment left out. */
    static Result runWithout(Collection<String> unset, String... arguments) throws Exception {
        return run(variables -> variables.keySet().removeAll(unset), arguments);
    }

    private static Result run(Consumer<Map<String, String>> environment, String... arguments) throws Exception {
        return run(environment, false, arguments);
    }

    private static Result run(Consumer<Map<String, String>> environment, boolean withErrors, String... arguments)
            throws Exception {
        Path root = Path.of(System.getProperty("citadel.root"));
        Path output = Files.createTempFile("citadel", ".out");
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/citadel").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile());
        if (withErrors) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        environment.accept(builder.environment());
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", arguments) + " finished");
        try {
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.delete(output);
        }
    }
}
