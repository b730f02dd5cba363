package health.citadel.app.it;

import static health.citadel.app.it.Patients.change;
import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The GDPR rights over REST: access (export) and erasure by crypto-shredding. */
class GdprIT {

    private final Stack stack = Stack.get();

    @Test
    void aPatientExportsTheirOwnChartAndStaffExportWithASecondFactor() {
        String patient = Tokens.of("patient.pat");
        String own = Tokens.claims(patient).get("patient_id").asText();
        HttpResponse<String> mine = as(patient).get(Patients.PATIENTS + "/" + own + "/export").send();
        assertEquals(200, mine.statusCode(), "the demo patient's chart is seeded: " + mine.body());
        JsonNode document = Stack.json(mine);
        assertEquals(own, document.get("patientId").asText());
        assertTrue(document.at("/demographics/nationalId").asText().startsWith("DEMO-"), "unmasked in an export");
        assertEquals("CREATED", document.at("/history/0/revision/change").asText());
        assertEquals(7, document.get("entries").size(), "the seeded chart's entries");
        JsonNode chart = Stack.json(as(patient).get("/api/v1/me/chart").send());
        assertEquals(own, chart.at("/patient/id").asText(), "a patient reads their own chart");
        assertEquals(2, chart.at("/entries/observations").size());
        assertEquals(403, as(patient).get(Patients.PATIENTS + "/" + UUID.randomUUID() + "/export").send().statusCode(),
                "nobody else's");

        Patients.Canary canary = Patients.Canary.fresh();
        UUID cared = Patients.register(canary, "1977-07-07", false);
        Patients.assignCareTeam("dr.house", cared);
        String note = patient(cared) + "/notes";
        HttpResponse<String> noted = as(Tokens.of("dr.house")).post(note)
                .json(object("content", object("type", "PROGRESS", "text", "first draft")));
        assertEquals(201, noted.statusCode(), noted.body());
        assertEquals(200, as(Tokens.of("dr.house")).put(note + "/" + Stack.json(noted).get("id").asText()).ifMatch(0)
                .json(object("content", object("type", "PROGRESS", "text", "final text"),
                        "reason", "completed the note")).statusCode());
        HttpResponse<String> exported = as(Tokens.of("dr.house")).get(patient(cared) + "/export").send();
        assertEquals(200, exported.statusCode(), exported.body());
        assertEquals(canary.nationalId(), Stack.json(exported).at("/demographics/nationalId").asText());
        assertEquals(List.of("first draft", "final text"), Stack.json(exported).get("entryHistory")
                .findValuesAsText("text"), "every version of every entry");
        assertTrue(exported.headers().firstValue("Content-Disposition").orElseThrow().contains("attachment"));
        KeycloakAdmin.ensurePasswordOnlyClient("it-password-only");
        String withoutOtp = Tokens.of("dr.house", stack.keycloakUrl(), "it-password-only");
        assertEquals(401, as(withoutOtp).get(patient(cared) + "/export").send().statusCode(), "staff must step up");
    }

    @Test
    void erasureLeavesATombstoneForEveryVersionFindsNothingAndIsAudited() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1966-06-06", false);
        String patient = patient(id);
        String desk = Tokens.of("front.desk");
        assertEquals(200, as(desk).put(patient).ifMatch(0)
                .json(change(canary.demographics("1966-06-06").put("phone", "+1 555 0122"), false, "new number"))
                .statusCode());
        long first = Stack.json(as(desk).get(patient + "/history").send()).get(0).get("revision").asLong();

        String admin = Tokens.of("admin.alan");
        ObjectNode request = object("reason", "GDPR article 17 request");
        assertEquals(400, as(admin).post(patient + "/erase").json(object()).statusCode(), "an erasure needs a reason");
        HttpResponse<String> erased = as(admin).post(patient + "/erase").json(request);
        assertEquals(200, erased.statusCode(), erased.body());

        assertEquals(410, as(desk).get(patient).send().statusCode(), "the current version is a tombstone");
        assertEquals(410, as(desk).get(patient + "/history/" + first).send().statusCode(), "and so is every old one");
        assertEquals(List.of(), Stack.json(as(desk).get(Patients.PATIENTS + "?mrn=" + canary.mrn()).send())
                .get("items").findValuesAsText("id"), "the blind indexes are gone");
        assertEquals(List.of(), Stack.json(as(desk).get(Patients.PATIENTS + "?family=" + canary.family()
                + "&birthDate=1966-06-06").send()).get("items").findValuesAsText("id"));
        assertEquals(410, as(admin).post(patient + "/erase").json(request).statusCode(), "an erasure happens once");

        try (Connection a = Regions.dba("a")) {
            assertEquals(List.of("ERASE SUCCESS"), Regions.strings(a, "SELECT action || ' ' || outcome FROM "
                    + "audit.access_event WHERE patient_id = ?::uuid AND action = 'ERASE'", id.toString()));
            assertEquals(List.of("t"), Regions.strings(a, "SELECT (wrapped_key IS NULL AND destroyed_at IS NOT NULL)::text"
                    + " FROM records.patient_key WHERE patient_id = ?::uuid", id.toString()).stream()
                    .map(value -> value.substring(0, 1)).toList());
            assertEquals(List.of(Tokens.claims(admin).get("sub").asText()), Regions.strings(a,
                    "SELECT erased_by FROM records.erasure WHERE patient_id = ?::uuid", id.toString()));
            assertEquals(List.of("2"), Regions.strings(a, "SELECT count(*) FROM records.patient_history WHERE id = ?::uuid",
                    id.toString()), "the history rows remain, as ciphertext no key opens");
        }
        try (Connection b = Regions.dba("b")) {
            String destroyed = "SELECT count(*) FROM records.patient_key WHERE patient_id = ?::uuid AND wrapped_key IS NULL";
            assertEquals(List.of("1"), await("the standby region loses the key too").atMost(Duration.ofSeconds(10))
                    .until(() -> Regions.strings(b, destroyed, id.toString()), List.of("1")::equals));
        }
    }
}
