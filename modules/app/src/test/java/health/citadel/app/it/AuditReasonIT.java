package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A clinician's reason often names the condition, so the audit log keeps the reasons given about a patient
 * encrypted under that patient's key: the database holds no clear text, auditors read it through the API,
 * and erasing the patient shreds it while the event stays and the chain still verifies.
 */
class AuditReasonIT {

    @Test
    void aReasonIsReadableByAuditorsUntilThePatientIsErasedAndNeverStoredInClear() throws Exception {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1958-03-09", false);
        Patients.assignCareTeam("dr.house", patient);
        String reason = "suspected " + Patients.CANARY + UUID.randomUUID().toString().substring(0, 8) + " relapse, "
                + "insurer needs the number";
        HttpResponse<String> revealed = as(Tokens.of("dr.house")).post(patient(patient) + "/reveal")
                .json(object("reason", reason));
        assertEquals(200, revealed.statusCode(), revealed.body());

        try (Connection a = Regions.dba("a")) {
            List<String> stored = Regions.strings(a, "SELECT reason FROM audit.access_event WHERE patient_id = ?::uuid"
                    + " AND action = 'REVEAL'", patient.toString());
            assertEquals(1, stored.size());
            assertFalse(stored.get(0).contains(Patients.CANARY), "the reason is not in the database in clear");
        }
        assertEquals(reason, revealReason(patient), "the auditor reads it");

        HttpResponse<String> erased = as(Tokens.of("admin.alan")).post(patient(patient) + "/erase")
                .json(object("reason", "GDPR article 17 request"));
        assertEquals(200, erased.statusCode(), erased.body());

        String afterErasure = revealReason(patient);
        assertNotEquals(reason, afterErasure, "erasure shreds the reason");
        assertFalse(afterErasure.contains(Patients.CANARY), afterErasure);
        assertTrue(AuditChains.cliVerify().get("ok").asBoolean(), "the chain still verifies after the erasure");
    }

    /** The reason of the patient's REVEAL event, as the auditor's query returns it. */
    private String revealReason(UUID patient) {
        HttpResponse<String> events = as(Tokens.of("auditor.ada"))
                .get("/api/v1/audit/events?patient=" + patient + "&action=REVEAL").send();
        assertEquals(200, events.statusCode(), events.body());
        JsonNode items = Stack.json(events).get("events");
        assertEquals(1, items.size(), events.body());
        return items.get(0).path("reason").asText();
    }
}
