package health.citadel.platform.commandline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A wrong command line is named with the usage; a failure is the command's own line and exit code. */
class CommandLinesTest {

    @Command(name = "probe", description = "Fails when told to.")
    static final class Probe implements Callable<Integer> {

        @Option(names = "--fail", description = "Fail.")
        boolean fail;

        @Override
        public Integer call() {
            if (fail) {
                throw new IllegalStateException("told to");
            }
            return 0;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anUnknownOptionIsNamedOnStandardErrorWithTheUsage() {
        assertEquals(2, run("--jsn"));

        assertEquals("Unknown option: '--jsn'\nUsage: probe [--fail]\nFails when told to.\n      --fail   Fail.\n",
                text(err));
        assertEquals("", text(out));
    }

    @Test
    void aFailureIsWordedAndCountedByTheCommand() {
        assertEquals(7, run("--fail"));

        assertEquals("probe: told to\n", text(err));
    }

    private int run(String... args) {
        return CommandLines.of(new Probe(), stream(out), stream(err), 2, (failure, errors) -> {
            errors.println("probe: " + failure.getMessage());
            return 7;
        }).execute(args);
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
