package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Break-the-glass end to end: denied before; allowed after a grant with a reason and a second factor; denied
 * again once it expires (the test stack's grants last 6 s); audited, alerted and reviewed.
 */
class BreakGlassIT {

    private static final String GRANTS = "/api/v1/identity/break-glass-grants";
    private final Stack stack = Stack.get();

    @Test
    void anEmergencyOpensAChartForAShortTimeAndIsAuditedAlertedAndReviewed() throws Exception {
        String physician = Tokens.of("dr.house");
        String physicianId = Tokens.claims(physician).get("sub").asText();
        UUID patient = UUID.randomUUID();
        assertEquals("DENY NONE", stack.decision(physician, patient, "READ_CLINICAL"));

        assertEquals(400, stack.post(GRANTS, physician, "{\"patientId\":\"" + patient + "\",\"reason\":\"urgent\"}").statusCode(),
                "a reason must say why");
        HttpResponse<String> opened = stack.post(GRANTS, physician, "{\"patientId\":\"" + patient
                + "\",\"reason\":\"Unconscious in the emergency department, allergies unknown\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonNode grant = Stack.json(opened);
        String grantId = grant.get("id").asText();
        Instant expires = Instant.parse(grant.get("expiresAt").asText());
        assertEquals(Duration.ofSeconds(6), Duration.between(Instant.parse(grant.get("grantedAt").asText()), expires));
        assertEquals("ALLOW BREAK_THE_GLASS", stack.decision(physician, patient, "READ_CLINICAL"));

        try (Connection a = Regions.dba("a")) {
            assertEquals(List.of("BREAK_GLASS SUCCESS"), Regions.strings(a, "SELECT action || ' ' || outcome FROM "
                    + "audit.access_event WHERE resource_id = ? AND patient_id = ?::uuid", grantId, patient.toString()));
            Instant deadline = Instant.now().plusSeconds(10);
            List<String> alerts = List.of();
            while (alerts.isEmpty() && Instant.now().isBefore(deadline)) {
                alerts = Regions.strings(a, "SELECT severity FROM audit.alert WHERE rule = 'break-the-glass' "
                        + "AND actor_id = ? AND patient_id = ?::uuid", physicianId, patient.toString());
                Thread.sleep(100);
            }
            assertEquals(List.of("HIGH"), alerts, "every break-the-glass raises an alert");
        }

        String auditor = Tokens.of("auditor.ada");
        assertTrue(stack.get(GRANTS + "?unreviewed=true", auditor).body().contains(grantId));
        HttpResponse<String> reviewed = stack.post(GRANTS + "/" + grantId + "/review", auditor, "{\"outcome\":\"JUSTIFIED\",\"note\":\"Emergency confirmed by the ED log\"}");
        assertEquals(200, reviewed.statusCode(), reviewed.body());
        assertEquals("JUSTIFIED", Stack.json(reviewed).get("reviewOutcome").asText());
        assertFalse(stack.get(GRANTS + "?unreviewed=true", auditor).body().contains(grantId));
        HttpResponse<String> again = stack.post(GRANTS + "/" + grantId + "/review", auditor, "{\"outcome\":\"UNJUSTIFIED\"}");
        assertEquals(409, again.statusCode());
        assertEquals("the grant has already been reviewed", Stack.json(again).get("detail").asText());

        while (!Instant.now().isAfter(expires)) {
            Thread.sleep(200); // the grant's own expiry, not a race
        }
        assertEquals("DENY NONE", stack.decision(physician, patient, "READ_CLINICAL"), "expired grants open nothing");
    }

    @Test
    void aClinicianClosesTheirOwnGrantEarlyAndNoOneElses() {
        String physician = Tokens.of("dr.house");
        UUID patient = UUID.randomUUID();
        String grantId = Stack.json(stack.post(GRANTS, physician, "{\"patientId\":\"" + patient
                + "\",\"reason\":\"Transferred patient, records needed before surgery\"}")).get("id").asText();

        assertEquals(404, stack.post(GRANTS + "/" + grantId + "/revoke", Tokens.of("nurse.joy"), "").statusCode());
        assertEquals(200, stack.post(GRANTS + "/" + grantId + "/revoke", physician, "").statusCode());
        assertEquals("DENY NONE", stack.decision(physician, patient, "READ_CLINICAL"));
        assertEquals(409, stack.post(GRANTS + "/" + grantId + "/revoke", physician, "").statusCode());
    }

    @Test
    void withoutARecentSecondFactorTheAnswerIsTheStepUpChallenge() {
        KeycloakAdmin.ensurePasswordOnlyClient("it-password-only");
        String withoutOtp = Tokens.of("nurse.joy", stack.keycloakUrl(), "it-password-only");
        assertFalse(Tokens.claims(withoutOtp).path("amr").toString().contains("otp"));

        HttpResponse<String> refused = stack.post(GRANTS, withoutOtp, "{\"patientId\":\"" + UUID.randomUUID()
                + "\",\"reason\":\"Unconscious in the emergency department, allergies unknown\"}");

        assertEquals(401, refused.statusCode(), refused.body());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("error=\"insufficient_user_authentication\"") && challenge.contains("acr_values=\"mfa\""),
                challenge);
    }
}
