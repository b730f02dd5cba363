package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Break-the-glass end to end: denied before; allowed after a grant with a reason and a second factor; denied
 * again once it expires (the test stack's grants last 6 s); audited, alerted and reviewed.
 */
class BreakGlassIT {

    private static final String GRANTS = "/api/v1/identity/break-glass-grants";
    private static final String EMERGENCY = "Unconscious in the emergency department, allergies unknown";
    private final Stack stack = Stack.get();

    @Test
    void anEmergencyOpensAChartForAShortTimeAndIsAuditedAlertedAndReviewed() throws Exception {
        String physician = Tokens.of("dr.house");
        String physicianId = Tokens.claims(physician).get("sub").asText();
        UUID patient = Patients.register(Patients.Canary.fresh(), "1970-01-01", false);
        assertEquals("DENY NONE", stack.decision(physician, patient, "READ_CLINICAL"));

        assertEquals(400, open(physician, patient, "urgent").statusCode(), "a reason must say why");
        HttpResponse<String> opened = open(physician, patient, EMERGENCY);
        assertEquals(201, opened.statusCode(), opened.body());
        JsonNode grant = Stack.json(opened);
        String grantId = grant.get("id").asText();
        Instant expires = Instant.parse(grant.get("expiresAt").asText());
        assertEquals(Duration.ofSeconds(6), Duration.between(Instant.parse(grant.get("grantedAt").asText()), expires));
        assertEquals("ALLOW BREAK_THE_GLASS", stack.decision(physician, patient, "READ_CLINICAL"));

        try (Connection a = Regions.dba("a")) {
            assertEquals(List.of("BREAK_GLASS SUCCESS"), Regions.strings(a, "SELECT action || ' ' || outcome FROM "
                    + "audit.access_event WHERE resource_id = ? AND patient_id = ?::uuid", grantId, patient.toString()));
            List<String> alerts = await().atMost(Duration.ofSeconds(10)).until(() -> Regions.strings(a, "SELECT severity "
                    + "FROM audit.alert WHERE rule = 'break-the-glass' AND actor_id = ? AND patient_id = ?::uuid",
                    physicianId, patient.toString()), rows -> !rows.isEmpty());
            assertEquals(List.of("HIGH"), alerts, "every break-the-glass raises an alert");
        }

        String auditor = Tokens.of("auditor.ada");
        assertTrue(as(auditor).get(GRANTS + "?unreviewed=true").send().body().contains(grantId));
        HttpResponse<String> reviewed = as(auditor).post(GRANTS + "/" + grantId + "/review")
                .json(object("outcome", "JUSTIFIED", "note", "Emergency confirmed by the ED log"));
        assertEquals(200, reviewed.statusCode(), reviewed.body());
        assertEquals("JUSTIFIED", Stack.json(reviewed).get("reviewOutcome").asText());
        assertFalse(as(auditor).get(GRANTS + "?unreviewed=true").send().body().contains(grantId));
        HttpResponse<String> again = as(auditor).post(GRANTS + "/" + grantId + "/review")
                .json(object("outcome", "UNJUSTIFIED"));
        assertEquals(409, again.statusCode());
        assertEquals("the grant has already been reviewed", Stack.json(again).get("detail").asText());

        // open until now (above); closed by the grant's own expiry, not by anything this test does
        await("expired grants open nothing").atMost(Duration.between(Instant.now(), expires).plusSeconds(5))
                .until(() -> stack.decision(physician, patient, "READ_CLINICAL"), "DENY NONE"::equals);
    }

    @Test
    void aClinicianClosesTheirOwnGrantEarlyAndNoOneElses() {
        String physician = Tokens.of("dr.house");
        UUID patient = Patients.register(Patients.Canary.fresh(), "1970-01-02", false);
        String grantId = Stack.json(open(physician, patient, "Transferred patient, records needed before surgery"))
                .get("id").asText();

        assertEquals(404, as(Tokens.of("nurse.joy")).post(GRANTS + "/" + grantId + "/revoke").send().statusCode());
        assertEquals(200, as(physician).post(GRANTS + "/" + grantId + "/revoke").send().statusCode());
        assertEquals("DENY NONE", stack.decision(physician, patient, "READ_CLINICAL"));
        assertEquals(409, as(physician).post(GRANTS + "/" + grantId + "/revoke").send().statusCode());
    }

    @Test
    void withoutARecentSecondFactorTheAnswerIsTheStepUpChallenge() {
        KeycloakAdmin.ensurePasswordOnlyClient("it-password-only");
        String withoutOtp = Tokens.of("nurse.joy", stack.keycloakUrl(), "it-password-only");
        assertFalse(Tokens.claims(withoutOtp).path("amr").toString().contains("otp"));

        HttpResponse<String> refused = open(withoutOtp, UUID.randomUUID(), EMERGENCY);

        assertEquals(401, refused.statusCode(), refused.body());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("error=\"insufficient_user_authentication\"") && challenge.contains("acr_values=\"mfa\""),
                challenge);
    }

    /**
     * The rules a clinician cannot bend: a reason that says something, a patient who is registered, and one open
     * grant per patient however many requests race for it. Each refusal is audited as FAILED, which no alert rule
     * counts, so refusals raise nothing and the one grant raises one alert.
     */
    @Test
    void aBlankReasonAnUnknownPatientAndASecondOpenGrantAreRefusedAuditedAndNotAlerted() throws Exception {
        String physician = Tokens.of("dr.house");
        String physicianId = Tokens.claims(physician).get("sub").asText();
        UUID patient = Patients.register(Patients.Canary.fresh(), "1970-01-03", false);
        UUID unknown = UUID.randomUUID();
        double grantsBefore = stack.metric("citadel_identity_break_glass_grants_total");

        HttpResponse<String> blank = open(physician, patient, " ".repeat(20) + "urgent");
        assertEquals(400, blank.statusCode(), blank.body());
        assertTrue(Stack.json(blank).get("detail").asText().startsWith("reason"), blank.body());
        HttpResponse<String> nobody = open(physician, unknown, EMERGENCY);
        assertEquals(404, nobody.statusCode(), nobody.body());
        assertTrue(Stack.json(nobody).get("detail").asText().startsWith("patientId"), nobody.body());

        List<HttpResponse<String>> racing = atOnce(4, () -> open(physician, patient, EMERGENCY));
        List<HttpResponse<String>> granted = racing.stream().filter(response -> response.statusCode() == 201).toList();
        assertEquals(1, granted.size(), racing.stream().map(HttpResponse::body).toList().toString());
        String grantId = Stack.json(granted.get(0)).get("id").asText();
        assertEquals(grantsBefore + 1, stack.metric("citadel_identity_break_glass_grants_total"),
                "the grant is counted for the security dashboard and alert; the refusals are not");
        for (HttpResponse<String> refused : racing.stream().filter(response -> response.statusCode() != 201).toList()) {
            assertEquals(409, refused.statusCode(), refused.body());
            assertTrue(Stack.json(refused).get("detail").asText().contains(grantId), "names the open grant");
        }

        try (Connection a = Regions.dba("a")) {
            String attempts = "FROM audit.access_event WHERE actor_id = ? AND action = 'BREAK_GLASS' "
                    + "AND patient_id IN (?::uuid, ?::uuid)";
            assertEquals(List.of("FAILED 5", "SUCCESS 1"), Regions.strings(a, "SELECT outcome || ' ' || count(*) "
                    + attempts + " GROUP BY outcome ORDER BY outcome", physicianId, patient.toString(), unknown.toString()),
                    "each refusal is audited, committed although its request failed");
            // detection runs on events as they are chained: once all six are, every alert they raise exists
            String chained = "SELECT count(*)::text FROM audit.chain_link WHERE event_id IN (SELECT id " + attempts + ")";
            await().atMost(Duration.ofSeconds(10)).until(() -> Regions.strings(a, chained, physicianId,
                    patient.toString(), unknown.toString()), List.of("6")::equals);
            assertEquals(List.of("1"), Regions.strings(a, "SELECT count(*)::text FROM audit.alert WHERE rule = "
                    + "'break-the-glass' AND actor_id = ? AND patient_id = ?::uuid", physicianId, patient.toString()));
            assertEquals(List.of("0"), Regions.strings(a, "SELECT count(*)::text FROM audit.alert WHERE evidence && "
                    + "ARRAY(SELECT id " + attempts + " AND outcome = 'FAILED')", physicianId, patient.toString(),
                    unknown.toString()), "no refusal is evidence of any alert");
        }
    }

    private HttpResponse<String> open(String token, UUID patient, String reason) {
        return as(token).post(GRANTS).json(object("patientId", patient, "reason", reason));
    }

    /** The same request sent {@code times} times at once, as a double click or a retrying client would. */
    private static List<HttpResponse<String>> atOnce(int times, Callable<HttpResponse<String>> request) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(times);
        try {
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : senders.invokeAll(Collections.nCopies(times, request))) {
                responses.add(response.get());
            }
            return responses;
        } finally {
            senders.shutdown();
        }
    }
}
