package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed realm template renders into valid JSON with every placeholder the launcher fills. */
class RealmTemplateTest {

    private static final Path TEMPLATE = Path.of(System.getProperty("citadel.root", "../.."))
            .resolve("infra/keycloak/citadel-realm.json");

    @TempDir
    Path home;

    @Test
    void everyPlaceholderIsFilledAndTheResultIsTheCitadelRealm() throws IOException {
        StackSecrets secrets = StackSecrets.loadOrCreate(home.resolve("secrets.properties"));
        Map<String, String> values = KeycloakServer.realmValues(secrets, 9443);

        String rendered = KeycloakServer.render(TEMPLATE, values);

        assertFalse(rendered.contains("${"), "no placeholder is left");
        JsonNode realm = new ObjectMapper().readTree(rendered);
        assertEquals("citadel", realm.get("realm").asText());
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        for (DemoUser user : DemoUser.values()) {
            assertTrue(rendered.contains("\"" + user.username + "\""), user.username);
        }
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() throws IOException {
        Path template = home.resolve("realm.json");
        Files.writeString(template, "{\"secret\": \"${CITADEL_UNKNOWN}\"}");

        StackException failure = assertThrows(StackException.class, () -> KeycloakServer.render(template, Map.of()));
        assertTrue(failure.getMessage().contains("CITADEL_UNKNOWN"));
    }
}
