package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The launcher's words: --with-monitoring belongs to up only, and anything else is answered with the usage. */
class CitadelCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"up --monitoring", "down --with-monitoring", "up --with-monitoring extra", "", "start"})
    void anythingElseIsAnsweredWithTheUsage(String line) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");

        int exit = CitadelCommand.run(args, Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, exit, line);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("up [--with-monitoring]"), err.toString());
    }
}
