package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Step-up counts from the moment the second factor was presented, not from when a token was issued: once the
 * window has passed, a refreshed token (new {@code iat}, the login's {@code auth_time}) is challenged by every
 * operation that needs a recent second factor, and a fresh login with the code passes again. Refresh tokens
 * rotate: one used twice is refused, and the session it belonged to ends. Liberty runs with a 15-second window for this class only.
 */
class StepUpExpiryIT {

    private static final String WINDOW = "PT15S";

    @BeforeAll
    static void shortWindow() throws Exception {
        StepUpWindow.shorten(Duration.parse(WINDOW));
    }

    @AfterAll
    static void shippedWindow() throws Exception {
        StepUpWindow.restoreShipped();
    }

    @Test
    void aRefreshedTokenIsChallengedOnceTheSecondFactorIsOlderThanTheWindow() throws Exception {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1961-04-12", false);
        Patients.assignCareTeam("dr.house", patient);
        PortalLogin.Session physician = Tokens.session("dr.house");
        // at once: the next logins may each wait up to 30 s for a code their person has not used yet
        assertEquals(200, reveal(patient, physician.accessToken()).statusCode(), "a fresh login steps up");
        PortalLogin.Session admin = Tokens.session("admin.alan");
        PortalLogin.Session dba = Tokens.session("dba.dana");

        Instant loggedIn = Instant.ofEpochSecond(Tokens.claims(dba.accessToken()).get("auth_time").asLong());
        Awaitility.await("the step-up window passes").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(loggedIn.plus(Duration.parse(WINDOW)).plusSeconds(2)));
        String physicianRefreshed = refreshed(physician);
        String adminRefreshed = refreshed(admin);
        String dbaRefreshed = refreshed(dba);

        List<String> notChallenged = new ArrayList<>();
        challenged(notChallenged, "reveal", reveal(patient, physicianRefreshed));
        challenged(notChallenged, "break the glass", as(physicianRefreshed).post("/api/v1/identity/break-glass-grants")
                .json(object("patientId", patient, "reason", "unconscious in the emergency room")));
        challenged(notChallenged, "export", as(physicianRefreshed).get(patient(patient) + "/export").send());
        challenged(notChallenged, "erase", as(adminRefreshed).post(patient(patient) + "/erase")
                .json(object("reason", "GDPR article 17 request")));
        challenged(notChallenged, "rotate keys", as(adminRefreshed).post("/api/v1/keys/rotations")
                .json(object("kind", "DATA_KEYS", "maxPatients", 1)));
        challenged(notChallenged, "switch over", as(dbaRefreshed).post("/api/v1/dr/switchover").json(object()));
        challenged(notChallenged, "fail over", as(dbaRefreshed).post("/api/v1/dr/failover")
                .json(object("acceptDataLoss", true)));
        challenged(notChallenged, "fence", as(dbaRefreshed).post("/api/v1/dr/regions/b/fence").json(object()));
        challenged(notChallenged, "rejoin", as(dbaRefreshed).post("/api/v1/dr/regions/b/rejoin").json(object()));
        assertEquals(List.of(), notChallenged);

        assertEquals(200, reveal(patient, Tokens.fresh("dr.house")).statusCode(), "a new login with the code passes");
    }

    @Test
    void aRefreshTokenUsedTwiceIsRefusedAndEndsTheSession() {
        PortalLogin.Session session = Tokens.session("nurse.joy");
        HttpResponse<String> first = PortalLogin.refresh(session.refreshToken());
        assertEquals(200, first.statusCode(), first.body());

        HttpResponse<String> reused = PortalLogin.refresh(session.refreshToken());
        assertEquals(400, reused.statusCode(), reused.body());
        assertEquals("invalid_grant", Stack.json(reused).get("error").asText());

        HttpResponse<String> newest = PortalLogin.refresh(Stack.json(first).get("refresh_token").asText());
        assertEquals(400, newest.statusCode(), "the reuse ended the session, whoever holds its newest token: "
                + newest.body());
    }

    private HttpResponse<String> reveal(UUID patient, String token) {
        return as(token).post(patient(patient) + "/reveal")
                .json(object("reason", "insurance claim needs the full number"));
    }

    /** The refreshed access token, after checking it keeps the login's time and is newly issued. */
    private static String refreshed(PortalLogin.Session session) {
        HttpResponse<String> response = PortalLogin.refresh(session.refreshToken());
        assertEquals(200, response.statusCode(), response.body());
        String token = Stack.json(response).get("access_token").asText();
        JsonNode before = Tokens.claims(session.accessToken());
        JsonNode after = Tokens.claims(token);
        assertEquals(before.get("auth_time").asLong(), after.get("auth_time").asLong(), "a refresh is no login");
        assertTrue(after.get("iat").asLong() > before.get("iat").asLong(), "the refreshed token is new");
        return token;
    }

    private static void challenged(List<String> notChallenged, String operation, HttpResponse<String> response) {
        if (response.statusCode() != 401 || !response.headers().firstValue("WWW-Authenticate").orElse("")
                .contains("error=\"insufficient_user_authentication\"")) {
            notChallenged.add(operation + ": " + response.statusCode() + " " + response.body());
        }
    }
}
