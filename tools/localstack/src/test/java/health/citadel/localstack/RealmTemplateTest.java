package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed production realm and the local overlay render into valid JSON with every placeholder the
 * launcher fills; the production realm has no direct password grant and no demo user, and its sessions and
 * refresh tokens keep the security policy.
 */
class RealmTemplateTest {

    private static final Path INFRA = Path.of(System.getProperty("citadel.root", "../..")).resolve("infra/keycloak");
    private static final Path TEMPLATE = INFRA.resolve("citadel-realm.json");
    private static final Path OVERLAY = INFRA.resolve("local-overlay.json");

    @TempDir
    Path home;

    @Test
    void everyPlaceholderIsFilledAndTheResultIsTheCitadelRealm() throws IOException {
        StackSecrets secrets = StackSecrets.loadOrCreate(home.resolve("secrets.properties"));
        Map<String, String> values = KeycloakServer.realmValues(secrets, 9443);

        String rendered = LocalRealm.compose(TEMPLATE, OVERLAY, values);

        assertFalse(rendered.contains("${"), "no placeholder is left");
        JsonNode realm = new ObjectMapper().readTree(rendered);
        assertEquals("citadel", realm.get("realm").asText());
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        for (DemoUser user : DemoUser.values()) {
            assertTrue(rendered.contains("\"" + user.username + "\""), user.username);
        }
        assertTrue(rendered.contains("\"citadel-cli\""), "the scripts' client is added locally");
        assertTrue(rendered.contains("service-account-citadel-access-review"), "the realm's own users are kept");
    }

    @Test
    void theProductionRealmHasNoPasswordGrantNoDemoUserAndShortSessions() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(TEMPLATE.toFile());
        for (JsonNode client : realm.get("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), client.get("clientId").asText());
            // an exact callback: a wildcard would let a code be sent to any page of the host
            client.path("redirectUris").forEach(uri -> assertFalse(uri.asText().contains("*"), uri.asText()));
            assertFalse(client.path("attributes").path("post.logout.redirect.uris").asText().contains("*"),
                    client.get("clientId").asText());
        }
        for (JsonNode user : realm.get("users")) {
            assertTrue(user.get("username").asText().startsWith("service-account-"), user.get("username").asText());
        }
        assertTrue(realm.get("ssoSessionIdleTimeout").asInt() <= 30 * 60, "idle sessions end within 30 minutes");
        assertTrue(realm.get("ssoSessionMaxLifespan").asInt() <= 12 * 60 * 60, "no session outlives 12 hours");
        assertTrue(realm.get("revokeRefreshToken").asBoolean(), "refresh tokens rotate");
        assertEquals(0, realm.get("refreshTokenMaxReuse").asInt(), "a reused refresh token ends the session");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() throws IOException {
        Path template = home.resolve("realm.json");
        Files.writeString(template, "{\"secret\": \"${CITADEL_UNKNOWN}\"}");

        StackException failure = assertThrows(StackException.class, () -> KeycloakServer.render(template, Map.of()));
        assertTrue(failure.getMessage().contains("CITADEL_UNKNOWN"));
    }

    @Test
    void upPrintsTheDemoPasswordsOnlyForTheLocalDemoRealmAndSaysWhereTheyAreKept() {
        StackSecrets secrets = StackSecrets.loadOrCreate(home.resolve("secrets.properties"));
        StackHome stack = StackHome.at(home);

        assertEquals(List.of(DemoUser.values()), LocalRealm.demoUsers(OVERLAY));
        String printed = demoLogins(LocalRealm.demoUsers(OVERLAY), secrets, stack);
        assertTrue(printed.contains("dr.house     physician   " + secrets.password(DemoUser.PHYSICIAN)), printed);
        assertTrue(printed.contains("kept in " + stack.demoLogins() + " (and " + stack.secrets() + ")"), printed);

        assertEquals(List.of(), LocalRealm.demoUsers(TEMPLATE), "the production realm has no demo user");
        assertEquals("", demoLogins(LocalRealm.demoUsers(TEMPLATE), secrets, stack));
    }

    private static String demoLogins(List<DemoUser> users, StackSecrets secrets, StackHome stack) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalStack.printDemoLogins(new PrintStream(out, true, StandardCharsets.UTF_8), users, secrets, stack);
        return out.toString(StandardCharsets.UTF_8);
    }
}
