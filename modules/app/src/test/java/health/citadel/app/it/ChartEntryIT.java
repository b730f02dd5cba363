package health.citadel.app.it;

import static health.citadel.app.it.Patients.heartRate;
import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The clinical chart over REST: entries by kind, for the care team only, versioned and validated. */
class ChartEntryIT {

    private static final String MEASURED_AT = "2026-03-01T10:00:00Z";
    private static final ObjectNode OBSERVATION = object("content", heartRate(72, MEASURED_AT));

    @Test
    void theCareTeamRecordsReadsChangesAndRetiresEntries() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1980-08-08", false);
        String observations = patient(patient) + "/observations";
        String nurse = Tokens.of("nurse.joy");
        assertEquals(403, as(nurse).post(observations).json(OBSERVATION).statusCode(), "not on the care team yet");
        Patients.assignCareTeam("nurse.joy", patient);

        HttpResponse<String> added = as(nurse).post(observations).json(OBSERVATION);
        assertEquals(201, added.statusCode(), added.body());
        String entry = added.headers().firstValue("Location").orElseThrow();
        entry = entry.substring(entry.indexOf("/api/"));
        assertEquals("\"0\"", added.headers().firstValue("ETag").orElseThrow());
        assertEquals(72.0, Stack.json(added).at("/content/value").asDouble());

        ObjectNode change = object("content", heartRate(75, MEASURED_AT), "reason", "misread the monitor");
        assertEquals(428, as(nurse).put(entry).json(change).statusCode());
        HttpResponse<String> changed = as(nurse).put(entry).ifMatch(0).json(change);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(75.0, Stack.json(changed).at("/content/value").asDouble());
        assertEquals(412, as(nurse).put(entry).ifMatch(0).json(change).statusCode());

        JsonNode page = Stack.json(as(nurse).get(observations + "?size=5").send());
        assertEquals(1, page.get("items").size());
        assertEquals(5, page.get("size").asInt());
        JsonNode chart = Stack.json(as(nurse).get(patient(patient) + "/chart").send());
        assertEquals(1, chart.at("/entries/observations").size());
        assertTrue(chart.at("/patient/demographics/nationalId").asText().startsWith("****"), "masked in the chart");

        HttpResponse<String> retired = as(nurse).post(entry + "/retire").ifMatch(1)
                .json(object("reason", "entered on the wrong patient"));
        assertEquals(200, retired.statusCode(), retired.body());
        assertTrue(Stack.json(retired).get("retired").asBoolean());
        assertEquals(0, Stack.json(as(nurse).get(patient(patient) + "/chart").send())
                .at("/entries/observations").size(), "the chart shows current entries only");

        assertEquals(403, as(Tokens.of("front.desk")).get(observations).send().statusCode(),
                "no clinical data at the desk");
        UUID other = Patients.register(Patients.Canary.fresh(), "1980-08-09", false);
        Patients.assignCareTeam("nurse.joy", other);
        assertEquals(404, as(nurse).get(entry.replace(patient.toString(), other.toString())).send().statusCode(),
                "an entry is found only under its own patient");
    }

    @Test
    void contentMustHaveTheShapeOfItsKind() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1981-09-09", false);
        Patients.assignCareTeam("dr.house", patient);
        String physician = Tokens.of("dr.house");
        String conditions = patient(patient) + "/conditions";
        HttpResponse<String> invalid = as(physician).post(conditions).json(
                object("content", object("code", "not a code!", "display", "Asthma", "clinicalStatus", "ACTIVE")));
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("code"), invalid.body());
        assertEquals(400, as(physician).post(conditions).json(object("content",
                object("code", "J45", "display", "Asthma", "clinicalStatus", "ACTIVE", "severity", "mild")))
                .statusCode(), "unknown field");
        assertEquals(400, as(physician).post(conditions).json(object("content",
                object("code", "J45", "display", "Asthma", "clinicalStatus", "SOMETIMES"))).statusCode(),
                "unknown status");
        assertEquals(201, as(physician).post(conditions).json(object("content",
                object("code", "J45", "display", "Asthma", "clinicalStatus", "ACTIVE", "onset", "2019-04-01")))
                .statusCode());
        assertEquals(404, as(physician).get(patient(patient) + "/vaccines").send().statusCode());
    }
}
