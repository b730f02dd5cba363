package health.citadel.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/citadel audit verify} against a chain with no link yet: its options, outputs, progress and exit codes. */
class AuditCommandTest {

    private static final EmptyChainDriver DATABASE = new EmptyChainDriver();

    @TempDir
    static Path folder;

    private static Path publicKeyset;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void aDatabaseAndAPublicKeyset() throws Exception {
        DriverManager.registerDriver(DATABASE);
        SignatureConfig.register();
        publicKeyset = Files.writeString(folder.resolve("audit-signing.public.json"),
                TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(
                        KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519).getPublicKeysetHandle()));
    }

    @AfterAll
    static void noDatabase() throws Exception {
        DriverManager.deregisterDriver(DATABASE);
    }

    @Test
    void theJsonIsTheOneObjectScriptsParse() {
        assertEquals(0, verify(0, "--json", "--witness", "none"), said());

        JsonObject verdict = Json.createReader(new StringReader(printed())).readObject();
        assertTrue(verdict.getBoolean("ok"));
        assertEquals("{\"ok\":true,\"eventsChecked\":0,\"firstBrokenPosition\":null,\"problem\":\"\","
                + "\"witnessedCheckpoints\":0,\"head\":\"0:" + "0".repeat(64) + "\"}", verdict.toString());
        assertEquals(verdict.toString() + "\n", printed(), "one line, nothing else");
    }

    @Test
    void byDefaultTheVerdictIsTextWithTheHeadToKeep() {
        assertEquals(0, verify(0), said());

        assertTrue(printed().startsWith("The audit chain holds.\nEvents checked:         0\n"), printed());
        assertTrue(printed().contains("Head:                   0:" + "0".repeat(64) + "   (keep it for --expect-head)"),
                printed());
    }

    @Test
    void aBrokenChainSaysWhyAndExitsOne() {
        assertEquals(AuditCommand.BROKEN, verify(3), said());

        assertTrue(printed().startsWith("The audit chain is BROKEN: 3 events are outside the chain."), printed());
    }

    @Test
    void progressGoesToStandardErrorAndQuietSilencesIt() {
        assertEquals(0, verify(0, "--json"));
        assertEquals("audit verify: looking for events left outside the chain ...\n", said());
        assertTrue(printed().startsWith("{"), printed());

        err.reset();
        assertEquals(0, verify(0, "--json", "-q"));
        assertEquals("", said());
    }

    @Test
    void helpIsPrintedOnStandardOutputAndNamesEveryVariableTheSettingsRead() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"verify", "--help"}, {"verify", "-h"}}) {
            out.reset();
            assertEquals(0, AuditCommand.run(help, Map.of(), stream(out), stream(err)), String.join(" ", help));
            assertTrue(printed().contains("Environment:"), printed());
            Matcher variable = Pattern.compile("CITADEL_[A-Z_]+").matcher(Files.readString(
                    Path.of("src/main/java/health/citadel/audit/cli/AuditSettings.java")));
            while (variable.find()) {
                assertTrue(printed().contains(variable.group()), variable.group() + " in " + printed());
            }
        }
        assertTrue(printed().contains("--expect-head=<head>"), printed());
        assertEquals("", said());
    }

    @Test
    void anUnknownOptionIsNamedWithTheUsage() {
        assertEquals(AuditCommand.UNUSABLE, AuditCommand.run(new String[] {"verify", "--jsn"}, Map.of(), stream(out),
                stream(err)));

        assertTrue(said().startsWith("Unknown option: '--jsn'"), said());
        assertTrue(said().contains("Usage: bin/citadel audit verify"), said());
        assertEquals("", printed());
    }

    @Test
    void aDatabaseThatCannotBeReadIsExitTwo() {
        assertEquals(AuditCommand.UNUSABLE, AuditCommand.run(new String[] {"verify"}, Map.of("CITADEL_AUDIT_JDBC_URL",
                "jdbc:nobody-serves-this:", "CITADEL_AUDIT_PUBLIC_KEYSET", publicKeyset.toString()), stream(out),
                stream(err)));

        assertTrue(said().startsWith("citadel: cannot read the audit log (SQLState 08001): No suitable driver"), said());
    }

    private int verify(long unchainedEvents, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "verify";
        System.arraycopy(options, 0, args, 1, options.length);
        return AuditCommand.run(args, Map.of("CITADEL_AUDIT_JDBC_URL", EmptyChainDriver.PREFIX + unchainedEvents,
                "CITADEL_AUDIT_PUBLIC_KEYSET", publicKeyset.toString()), stream(out), stream(err));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String said() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
