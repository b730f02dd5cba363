package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTest {

    @TempDir
    Path home;

    @Test
    void generatesOwnerOnlySecretsOnceAndKeepsThem() throws IOException {
        Path file = home.resolve("secrets.properties");

        StackSecrets first = StackSecrets.loadOrCreate(file);
        StackSecrets again = StackSecrets.loadOrCreate(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first.get(StackSecrets.DBA_PASSWORD), again.get(StackSecrets.DBA_PASSWORD));
        assertEquals(first.password(DemoUser.NURSE), again.password(DemoUser.NURSE));
        assertNotEquals(first.get(StackSecrets.DBA_PASSWORD), first.get(StackSecrets.APP_PASSWORD));
    }

    @Test
    void demoPasswordsMeetTheRealmPolicy() {
        StackSecrets secrets = StackSecrets.loadOrCreate(home.resolve("secrets.properties"));
        for (DemoUser user : DemoUser.values()) {
            String password = secrets.password(user);
            assertTrue(password.length() >= 12, user + ": length");
            assertTrue(password.matches(".*[A-Z].*") && password.matches(".*[a-z].*"), user + ": mixed case");
            assertTrue(password.matches(".*[0-9].*"), user + ": digit");
            assertTrue(password.matches(".*[^A-Za-z0-9].*"), user + ": special character");
        }
    }

    @Test
    void staffHaveBase32TotpSecretsAndPatientsNone() {
        StackSecrets secrets = StackSecrets.loadOrCreate(home.resolve("secrets.properties"));

        assertTrue(secrets.totpSecret(DemoUser.PHYSICIAN).matches("[A-Z2-7]{32}"));
        assertNull(secrets.totpSecret(DemoUser.PATIENT));
    }

    @Test
    void aSecretsFileWithAMissingValueIsReportedAsCorrupt() throws IOException {
        Path file = home.resolve("secrets.properties");
        StackSecrets.loadOrCreate(file);
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^postgres\\.dba\\.password=.*$", ""));

        StackException failure = assertThrows(StackException.class, () -> StackSecrets.loadOrCreate(file));
        assertTrue(failure.getMessage().contains("corrupt") && failure.getMessage().contains("postgres.dba.password"),
                failure.getMessage());
    }

    @Test
    void anOlderHomeGetsTheSecretsAddedSinceAndKeepsItsOwn() throws IOException {
        Path file = home.resolve("secrets.properties");
        StackSecrets before = StackSecrets.loadOrCreate(file);
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^postgres\\.dr-operator\\.password=.*$", ""));

        StackSecrets upgraded = StackSecrets.loadOrCreate(file);
        StackSecrets again = StackSecrets.loadOrCreate(file);

        assertTrue(upgraded.get(StackSecrets.DR_OPERATOR_PASSWORD).matches("[A-Za-z0-9]{32}"));
        assertNotEquals(before.get(StackSecrets.DR_OPERATOR_PASSWORD), upgraded.get(StackSecrets.DR_OPERATOR_PASSWORD));
        assertEquals(upgraded.get(StackSecrets.DR_OPERATOR_PASSWORD), again.get(StackSecrets.DR_OPERATOR_PASSWORD),
                "written to the file, not made up on every start");
        assertEquals(before.get(StackSecrets.DBA_PASSWORD), upgraded.get(StackSecrets.DBA_PASSWORD));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /** The alert webhook's secret in Standard Webhooks' form: whsec_ and 32 random bytes in base64. */
    @Test
    void theAlertWebhookSecretIsAStandardWebhooksSecret() throws IOException {
        Path file = home.resolve("secrets.properties");
        String secret = StackSecrets.loadOrCreate(file).get(StackSecrets.ALERT_WEBHOOK_SECRET);

        assertTrue(secret.startsWith("whsec_"), "prefix");
        assertEquals(32, java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^audit\\.alert-webhook\\.secret=.*$", ""));
        assertTrue(StackSecrets.loadOrCreate(file).get(StackSecrets.ALERT_WEBHOOK_SECRET).startsWith("whsec_"),
                "an older home gets one");
    }
}
