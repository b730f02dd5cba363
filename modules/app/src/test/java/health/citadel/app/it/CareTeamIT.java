package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Care teams decide which charts clinicians may open; every change and every refusal is audited. */
class CareTeamIT {

    private static final String ASSIGNMENTS = "/api/v1/identity/care-team-assignments";
    private final Stack stack = Stack.get();

    @Test
    void aClinicianMayOpenTheChartsOfTheirCareTeamOnlyWhileAssigned() throws Exception {
        String nurse = Tokens.of("nurse.joy");
        String nurseId = Tokens.claims(nurse).get("sub").asText();
        UUID patient = Patients.register(Patients.Canary.fresh(), "1981-03-03", false);
        UUID stranger = UUID.randomUUID();
        assertEquals("DENY NONE", stack.decision(nurse, patient, "READ_CLINICAL"));

        HttpResponse<String> created = asAdministrator().post(ASSIGNMENTS)
                .json(assignment(nurseId, patient, null, null));
        assertEquals(201, created.statusCode(), created.body());
        String assignment = Stack.json(created).get("id").asText();
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith(assignment));

        assertEquals("ALLOW CARE_TEAM", stack.decision(nurse, patient, "READ_CLINICAL"));
        assertEquals("DENY NONE", stack.decision(nurse, stranger, "READ_CLINICAL"));
        assertEquals("DENY ROLE", stack.decision(nurse, patient, "ERASE_PATIENT"));
        JsonNode listed = Stack.json(asAdministrator().get(ASSIGNMENTS + "?patient=" + patient).send());
        assertEquals(assignment, listed.get(0).get("id").asText());

        HttpResponse<String> ended = asAdministrator().post(ASSIGNMENTS + "/" + assignment + "/end").send();
        assertEquals(200, ended.statusCode(), ended.body());
        assertEquals("DENY NONE", stack.decision(nurse, patient, "READ_CLINICAL"));
        assertEquals(409, asAdministrator().post(ASSIGNMENTS + "/" + assignment + "/end").send().statusCode());

        // reasons about a patient are stored encrypted under the patient's key: the auditor reads them through the API
        List<String> audited = new ArrayList<>();
        for (JsonNode event : Stack.json(as(Tokens.of("auditor.ada"))
                .get("/api/v1/audit/events?patient=" + patient + "&action=ADMIN_CARE_TEAM").send()).get("events")) {
            if (assignment.equals(event.path("resourceId").asText())) {
                audited.add(0, event.get("action").asText() + " " + event.get("reason").asText()); // oldest first
            }
        }
        assertEquals(List.of("ADMIN_CARE_TEAM assigned", "ADMIN_CARE_TEAM ended"), audited);
        try (Connection a = Regions.dba("a")) {
            assertEquals(List.of("DENIED"), Regions.strings(a, "SELECT DISTINCT outcome FROM audit.access_event "
                    + "WHERE patient_id = ?::uuid AND actor_id = ?", stranger.toString(), nurseId));
        }
    }

    @Test
    void frontDeskHandlesEveryonesDemographicsButNoClinicalData() {
        String frontDesk = Tokens.of("front.desk");
        UUID patient = UUID.randomUUID();

        assertEquals("ALLOW ROLE", stack.decision(frontDesk, patient, "READ_DEMOGRAPHICS"));
        assertEquals("DENY ROLE", stack.decision(frontDesk, patient, "READ_CLINICAL"));
    }

    @Test
    void aPatientMayOpenTheirOwnChartOnly() {
        String patient = Tokens.of("patient.pat");
        UUID own = UUID.fromString(Tokens.claims(patient).get("patient_id").asText());

        assertEquals("ALLOW OWN_CHART", stack.decision(patient, own, "READ_OWN_CHART"));
        assertEquals("DENY NONE", stack.decision(patient, UUID.randomUUID(), "READ_OWN_CHART"));
    }

    @Test
    void staffExportAChartWithARecentSecondFactorAndPatientsTheirOwnOnly() throws Exception {
        String patient = Tokens.of("patient.pat");
        UUID own = UUID.fromString(Tokens.claims(patient).get("patient_id").asText());
        assertEquals("ALLOW OWN_CHART", stack.decision(patient, own, "EXPORT_CHART"), "the right of access");
        assertEquals("DENY NONE", stack.decision(patient, UUID.randomUUID(), "EXPORT_CHART"));

        String physician = Tokens.of("dr.house");
        UUID cared = Patients.register(Patients.Canary.fresh(), "1981-04-04", false);
        assertEquals(201, asAdministrator().post(ASSIGNMENTS).json(assignment(userId("dr.house"), cared, null, null))
                .statusCode());
        assertEquals("ALLOW CARE_TEAM", stack.decision(physician, cared, "EXPORT_CHART"), "password and TOTP just now");
        KeycloakAdmin.ensurePasswordOnlyClient("it-password-only");
        String withoutOtp = Tokens.of("dr.house", stack.keycloakUrl(), "it-password-only");
        assertEquals("STEP_UP ROLE", stack.decision(withoutOtp, cared, "EXPORT_CHART"), "staff must step up");
    }

    /**
     * An assignment is the basis of a clinician's access, so it names a clinician of the realm and a registered
     * patient, and may not start long ago: a backdated one would make an earlier access look justified. The test
     * stack allows the shipped default, a day.
     */
    @Test
    void onlyARealmClinicianJoinsARegisteredPatientsCareTeamFromTheLastDayOn() throws Exception {
        String nurseId = userId("nurse.joy");
        UUID patient = Patients.register(Patients.Canary.fresh(), "1981-05-05", false);
        Instant now = Instant.now();

        refused(404, "clinicianId", assignment(UUID.randomUUID().toString(), patient, null, null));
        refused(400, "clinicianId", assignment(userId("front.desk"), patient, null, null));
        refused(404, "patientId", assignment(nurseId, UUID.randomUUID(), null, null));
        refused(400, "startsAt", assignment(nurseId, patient, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2))));
        refused(400, "endsAt", assignment(nurseId, patient, now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1))));
        HttpResponse<String> lastNight = asAdministrator().post(ASSIGNMENTS)
                .json(assignment(nurseId, patient, now.minus(Duration.ofHours(10)), null));
        assertEquals(201, lastNight.statusCode(), lastNight.body());
    }

    /** Assignments refused as they stand: a field missing, a clinician id that is none, an end before the start. */
    static Stream<ObjectNode> invalidAssignments() {
        String patient = "7d1c3c5e-0000-4000-8000-000000000001";
        return Stream.of(object(), object("clinicianId", "x"), object("patientId", patient),
                object("clinicianId", "not a user id!", "patientId", patient),
                object("clinicianId", "x", "patientId", patient,
                        "startsAt", "2026-01-02T00:00:00Z", "endsAt", "2026-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("invalidAssignments")
    void anInvalidAssignmentIsA400AndNothingIsWritten(ObjectNode body) throws Exception {
        long before = assignmentCount();

        HttpResponse<String> response = asAdministrator().post(ASSIGNMENTS).json(body);

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(before, assignmentCount());
    }

    @Test
    void badParametersAreA400AndAnUnknownAssignmentA404() {
        String admin = Tokens.of("admin.alan");
        assertEquals(400, as(admin).get(ASSIGNMENTS + "?patient=not-a-uuid").send().statusCode());
        assertEquals(400, as(Tokens.of("nurse.joy"))
                .get("/api/v1/me/access-decision?patient=x&permission=READ_CLINICAL").send().statusCode());
        assertEquals(404, asAdministrator().post(ASSIGNMENTS + "/" + UUID.randomUUID() + "/end").send().statusCode());
    }

    /** Refused with the status, naming the field first, and nothing written. */
    private void refused(int status, String field, ObjectNode body) throws Exception {
        long before = assignmentCount();
        HttpResponse<String> response = asAdministrator().post(ASSIGNMENTS).json(body);
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Stack.json(response).get("detail").asText().startsWith(field), response.body());
        assertEquals(before, assignmentCount());
    }

    private static ObjectNode assignment(String clinicianId, UUID patient, Instant startsAt, Instant endsAt) {
        ObjectNode assignment = object("clinicianId", clinicianId, "patientId", patient);
        if (startsAt != null) {
            assignment.put("startsAt", startsAt.toString());
        }
        if (endsAt != null) {
            assignment.put("endsAt", endsAt.toString());
        }
        return assignment;
    }

    private static String userId(String username) {
        return Tokens.claims(Tokens.of(username)).get("sub").asText();
    }

    private static Request.Caller asAdministrator() {
        return as(Tokens.of("admin.alan"));
    }

    private static long assignmentCount() throws Exception {
        try (Connection a = Regions.dba("a")) {
            return Long.parseLong(Regions.strings(a, "SELECT count(*)::text FROM identity.care_team_assignment").get(0));
        }
    }
}
