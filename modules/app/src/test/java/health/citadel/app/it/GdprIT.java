package health.citadel.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
        HttpResponse<String> mine = stack.get(Patients.PATIENTS + "/" + own + "/export", patient);
        assertEquals(200, mine.statusCode(), "the demo patient's chart is seeded: " + mine.body());
        JsonNode document = Stack.json(mine);
        assertEquals(own, document.get("patientId").asText());
        assertTrue(document.at("/demographics/nationalId").asText().startsWith("DEMO-"), "unmasked in an export");
        assertEquals("CREATED", document.at("/history/0/revision/change").asText());
        assertEquals(7, document.get("entries").size(), "the seeded chart's entries");
        JsonNode chart = Stack.json(stack.get("/api/v1/me/chart", patient));
        assertEquals(own, chart.at("/patient/id").asText(), "a patient reads their own chart");
        assertEquals(2, chart.at("/entries/observations").size());
        assertEquals(403, stack.get(Patients.PATIENTS + "/" + UUID.randomUUID() + "/export", patient).statusCode(),
                "nobody else's");

        Patients.Canary canary = Patients.Canary.fresh();
        UUID cared = Patients.register(canary, "1977-07-07", false);
        Patients.assignCareTeam("dr.house", cared);
        String note = Patients.PATIENTS + "/" + cared + "/notes";
        HttpResponse<String> noted = stack.post(note, Tokens.of("dr.house"),
                "{\"content\":{\"type\":\"PROGRESS\",\"text\":\"first draft\"}}");
        assertEquals(201, noted.statusCode(), noted.body());
        assertEquals(200, stack.send("PUT", note + "/" + Stack.json(noted).get("id").asText(), Tokens.of("dr.house"),
                "application/json", "{\"content\":{\"type\":\"PROGRESS\",\"text\":\"final text\"},"
                        + "\"reason\":\"completed the note\"}", "If-Match", "\"0\"").statusCode());
        HttpResponse<String> exported = stack.get(Patients.PATIENTS + "/" + cared + "/export", Tokens.of("dr.house"));
        assertEquals(200, exported.statusCode(), exported.body());
        assertEquals(canary.nationalId(), Stack.json(exported).at("/demographics/nationalId").asText());
        assertEquals(List.of("first draft", "final text"), Stack.json(exported).get("entryHistory")
                .findValuesAsText("text"), "every version of every entry");
        assertTrue(exported.headers().firstValue("Content-Disposition").orElseThrow().contains("attachment"));
        KeycloakAdmin.ensurePasswordOnlyClient("it-password-only");
        assertEquals(401, stack.get(Patients.PATIENTS + "/" + cared + "/export",
                Tokens.of("dr.house", stack.keycloakUrl(), "it-password-only")).statusCode(), "staff must step up");
    }

    @Test
    void erasureLeavesATombstoneForEveryVersionFindsNothingAndIsAudited() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1966-06-06", false);
        String patient = Patients.PATIENTS + "/" + id;
        String desk = Tokens.of("front.desk");
        assertEquals(200, stack.send("PUT", patient, desk, "application/json", "{\"demographics\":"
                + canary.demographics("1966-06-06").replace("+1 555 0100", "+1 555 0122")
                + ",\"restricted\":false,\"reason\":\"new number\"}", "If-Match", "\"0\"").statusCode());
        long first = Stack.json(stack.get(patient + "/history", desk)).get(0).get("revision").asLong();

        String admin = Tokens.of("admin.alan");
        assertEquals(400, stack.post(patient + "/erase", admin, "{}").statusCode(), "an erasure needs a reason");
        HttpResponse<String> erased = stack.post(patient + "/erase", admin, "{\"reason\":\"GDPR article 17 request\"}");
        assertEquals(200, erased.statusCode(), erased.body());

        assertEquals(410, stack.get(patient, desk).statusCode(), "the current version is a tombstone");
        assertEquals(410, stack.get(patient + "/history/" + first, desk).statusCode(), "and so is every old one");
        assertEquals(List.of(), Stack.json(stack.get(Patients.PATIENTS + "?mrn=" + canary.mrn(), desk))
                .get("items").findValuesAsText("id"), "the blind indexes are gone");
        assertEquals(List.of(), Stack.json(stack.get(Patients.PATIENTS + "?family=" + canary.family()
                + "&birthDate=1966-06-06", desk)).get("items").findValuesAsText("id"));
        assertEquals(410, stack.post(patient + "/erase", admin, "{\"reason\":\"GDPR article 17 request\"}").statusCode(),
                "an erasure happens once");

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
