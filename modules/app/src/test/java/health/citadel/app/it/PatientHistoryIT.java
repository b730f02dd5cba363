package health.citadel.app.it;

import static health.citadel.app.it.Patients.change;
import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Envers history over REST: create, change twice, diff, revert to the first revision. */
class PatientHistoryIT {

    private final String desk = Tokens.of("front.desk");

    @Test
    void revertingWritesTheFirstRevisionAsANewOne() {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1988-05-05", false);
        String patient = patient(id);
        ObjectNode second = canary.demographics("1988-05-05").put("phone", "+1 555 0111");
        changeDemographics(patient, 0, second, "moved house");
        ObjectNode third = second.deepCopy();
        third.withObject("/emergencyContact").put("relationship", "brother");
        changeDemographics(patient, 1, third, "emergency contact corrected");

        JsonNode revisions = Stack.json(as(desk).get(patient + "/history").send());
        assertEquals(3, revisions.size());
        assertEquals(List.of("CREATED", "CHANGED", "CHANGED"), revisions.findValuesAsText("change"));
        assertEquals("moved house", revisions.get(1).get("reason").asText());
        assertEquals(Tokens.claims(desk).get("sub").asText(), revisions.get(1).get("actorId").asText());
        long rev1 = revisions.get(0).get("revision").asLong();
        long rev3 = revisions.get(2).get("revision").asLong();

        JsonNode diff = Stack.json(as(desk).get(patient + "/diff?from=" + rev1 + "&to=" + rev3).send());
        assertEquals(List.of("emergencyContact.relationship", "phone"), diff.findValuesAsText("field"));
        assertEquals("+1 555 0100", diff.get(1).get("from").asText());
        assertEquals("+1 555 0111", diff.get(1).get("to").asText());

        assertEquals(400, as(desk).post(patient + "/revert").json(object("toRevision", rev1)).statusCode(),
                "a revert needs a reason");
        HttpResponse<String> reverted = as(desk).post(patient + "/revert").ifMatch(2)
                .json(object("toRevision", rev1, "reason", "both changes were entered on the wrong patient"));
        assertEquals(200, reverted.statusCode(), reverted.body());

        JsonNode now = Stack.json(as(desk).get(patient).send());
        JsonNode asFirst = Stack.json(as(desk).get(patient + "/history/" + rev1).send());
        assertEquals(asFirst.get("demographics"), now.get("demographics"), "the current state equals revision 1");
        JsonNode after = Stack.json(as(desk).get(patient + "/history").send());
        assertEquals(4, after.size(), "four revisions, none rewritten");
        assertEquals("both changes were entered on the wrong patient", after.get(3).get("reason").asText());
        assertEquals(List.of(), Stack.json(as(desk).get(patient + "/diff?from=" + rev1 + "&to="
                + after.get(3).get("revision").asLong()).send()).findValuesAsText("field"));
        assertEquals(404, as(desk).get(patient + "/history/999999999").send().statusCode());
        assertEquals(400, as(desk).get(patient + "/diff?from=x&to=1").send().statusCode());
    }

    private void changeDemographics(String patient, long version, JsonNode demographics, String reason) {
        HttpResponse<String> changed = as(desk).put(patient).ifMatch(version).json(change(demographics, false, reason));
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.headers().firstValue("ETag").isPresent());
    }
}
