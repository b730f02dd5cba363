package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GET /api/v1/me with real Keycloak tokens: who the caller is, and whether a second factor was proven. */
class CallerIdentityIT {

    private final Stack stack = Stack.get();

    @Test
    void physicianWithPasswordAndTotpIsKnownWithSecondFactor() {
        String token = Tokens.of("dr.house");

        HttpResponse<String> response = as(token).get("/api/v1/me").send();

        assertEquals(200, response.statusCode(), response.body());
        JsonNode me = Stack.json(response);
        assertEquals(Tokens.claims(token).get("sub").asText(), me.get("userId").asText());
        assertEquals("[\"physician\"]", me.get("roles").toString());
        assertTrue(me.get("secondFactor").asBoolean());
        assertTrue(me.get("permissions").toString().contains("READ_CLINICAL"));
        Instant authenticatedAt = Instant.parse(me.get("authenticatedAt").asText());
        assertTrue(Duration.between(authenticatedAt, Instant.now()).abs().toMinutes() < 10, authenticatedAt.toString());
    }

    @Test
    void patientWithoutTotpIsKnownWithoutSecondFactor() {
        HttpResponse<String> response = as(Tokens.of("patient.pat")).get("/api/v1/me").send();

        assertEquals(200, response.statusCode(), response.body());
        JsonNode me = Stack.json(response);
        assertEquals("[\"patient\"]", me.get("roles").toString());
        assertFalse(me.get("secondFactor").asBoolean());
        assertFalse(me.get("permissions").toString().contains("READ_CLINICAL"));
    }

    @Test
    void staffCannotLogInWithoutTotp() {
        HttpResponse<String> response = Tokens.grant(stack.login("dba.dana"), stack.keycloakUrl(), "citadel-cli", false);

        // Keycloak 26.7 answers a grant without the code 400 invalid_grant (RFC 6749 5.2), as for a wrong password
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_grant", Stack.json(response).get("error").asText());
        assertFalse(response.body().contains("access_token"), "no token without the second factor");
    }
}
