package health.citadel.platform.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seconds left on a PKCS12 keystore's certificates, made by the JDK's own keytool. */
class ServerCertificateExpiryTest {

    private static final char[] PASSWORD = "changeit-for-test".toCharArray();

    @TempDir
    static Path folder;

    private static Path keystore;

    @BeforeAll
    static void keystoreWithCertificatesFor10And30Days() throws Exception {
        keystore = folder.resolve("server.p12");
        generate("soonest", 10);
        generate("later", 30);
    }

    private static void generate(String alias, int days) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass",
                new String(PASSWORD), "-alias", alias, "-keyalg", "EC", "-dname", "CN=localhost",
                "-validity", String.valueOf(days)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
    }

    @Test
    void theSoonestExpiringCertificateCounts() {
        long left = ServerCertificateExpiry.secondsLeft(keystore, PASSWORD, Instant.now());

        assertTrue(Math.abs(left - Duration.ofDays(10).toSeconds()) < 120, "seconds left: " + left);
    }

    @Test
    void anExpiredCertificateIsNegative() {
        long left = ServerCertificateExpiry.secondsLeft(keystore, PASSWORD, Instant.now().plus(Duration.ofDays(11)));

        assertTrue(left < 0, "seconds left: " + left);
    }

    /** An operator must hear about a certificate nobody can check: it reads as expired now. */
    @Test
    void aKeystoreThatCannotBeReadCountsAsExpired() {
        assertEquals(0, ServerCertificateExpiry.secondsLeft(keystore, "wrong".toCharArray(), Instant.now()));
        assertEquals(0, ServerCertificateExpiry.secondsLeft(folder.resolve("missing.p12"), PASSWORD, Instant.now()));
    }
}
