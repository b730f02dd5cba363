package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The clinical chart over REST: entries by kind, for the care team only, versioned and validated. */
class ChartEntryIT {

    private static final String OBSERVATION = "{\"content\":{\"code\":\"8867-4\",\"display\":\"Heart rate\","
            + "\"value\":72,\"unit\":\"/min\",\"effectiveAt\":\"2026-03-01T10:00:00Z\"}}";
    private final Stack stack = Stack.get();

    @Test
    void theCareTeamRecordsReadsChangesAndRetiresEntries() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1980-08-08", false);
        String observations = Patients.PATIENTS + "/" + patient + "/observations";
        String nurse = Tokens.of("nurse.joy");
        assertEquals(403, stack.post(observations, nurse, OBSERVATION).statusCode(), "not on the care team yet");
        Patients.assignCareTeam("nurse.joy", patient);

        HttpResponse<String> added = stack.post(observations, nurse, OBSERVATION);
        assertEquals(201, added.statusCode(), added.body());
        String entry = added.headers().firstValue("Location").orElseThrow();
        entry = entry.substring(entry.indexOf("/api/"));
        assertEquals("\"0\"", added.headers().firstValue("ETag").orElseThrow());
        assertEquals(72.0, Stack.json(added).at("/content/value").asDouble());

        String change = OBSERVATION.replace("72", "75").replace("}}", "},\"reason\":\"misread the monitor\"}");
        assertEquals(428, stack.send("PUT", entry, nurse, "application/json", change).statusCode());
        HttpResponse<String> changed = stack.send("PUT", entry, nurse, "application/json", change, "If-Match", "\"0\"");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(75.0, Stack.json(changed).at("/content/value").asDouble());
        assertEquals(412, stack.send("PUT", entry, nurse, "application/json", change, "If-Match", "\"0\"").statusCode());

        JsonNode page = Stack.json(stack.get(observations + "?size=5", nurse));
        assertEquals(1, page.get("items").size());
        assertEquals(5, page.get("size").asInt());
        JsonNode chart = Stack.json(stack.get(Patients.PATIENTS + "/" + patient + "/chart", nurse));
        assertEquals(1, chart.at("/entries/observations").size());
        assertTrue(chart.at("/patient/demographics/nationalId").asText().startsWith("****"), "masked in the chart");

        HttpResponse<String> retired = stack.send("POST", entry + "/retire", nurse, "application/json",
                "{\"reason\":\"entered on the wrong patient\"}", "If-Match", "\"1\"");
        assertEquals(200, retired.statusCode(), retired.body());
        assertTrue(Stack.json(retired).get("retired").asBoolean());
        assertEquals(0, Stack.json(stack.get(Patients.PATIENTS + "/" + patient + "/chart", nurse))
                .at("/entries/observations").size(), "the chart shows current entries only");

        assertEquals(403, stack.get(observations, Tokens.of("front.desk")).statusCode(), "no clinical data at the desk");
        UUID other = Patients.register(Patients.Canary.fresh(), "1980-08-09", false);
        Patients.assignCareTeam("nurse.joy", other);
        assertEquals(404, stack.get(entry.replace(patient.toString(), other.toString()), nurse).statusCode(),
                "an entry is found only under its own patient");
    }

    @Test
    void contentMustHaveTheShapeOfItsKind() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1981-09-09", false);
        Patients.assignCareTeam("dr.house", patient);
        String physician = Tokens.of("dr.house");
        String conditions = Patients.PATIENTS + "/" + patient + "/conditions";
        HttpResponse<String> invalid = stack.post(conditions, physician,
                "{\"content\":{\"code\":\"not a code!\",\"display\":\"Asthma\",\"clinicalStatus\":\"ACTIVE\"}}");
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("code"), invalid.body());
        assertEquals(400, stack.post(conditions, physician, "{\"content\":{\"code\":\"J45\",\"display\":\"Asthma\","
                + "\"clinicalStatus\":\"ACTIVE\",\"severity\":\"mild\"}}").statusCode(), "unknown field");
        assertEquals(400, stack.post(conditions, physician, "{\"content\":{\"code\":\"J45\",\"display\":\"Asthma\","
                + "\"clinicalStatus\":\"SOMETIMES\"}}").statusCode(), "unknown status");
        assertEquals(201, stack.post(conditions, physician, "{\"content\":{\"code\":\"J45\",\"display\":\"Asthma\","
                + "\"clinicalStatus\":\"ACTIVE\",\"onset\":\"2019-04-01\"}}").statusCode());
        assertEquals(404, stack.get(Patients.PATIENTS + "/" + patient + "/vaccines", physician).statusCode());
    }
}
