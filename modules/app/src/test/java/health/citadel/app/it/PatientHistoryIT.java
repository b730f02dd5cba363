package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Envers history over REST: create, change twice, diff, revert to the first revision. */
class PatientHistoryIT {

    private final Stack stack = Stack.get();
    private final String desk = Tokens.of("front.desk");

    @Test
    void revertingWritesTheFirstRevisionAsANewOne() {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1988-05-05", false);
        String patient = Patients.PATIENTS + "/" + id;
        String first = canary.demographics("1988-05-05");
        String second = first.replace("+1 555 0100", "+1 555 0111");
        change(patient, "\"0\"", second, "moved house");
        change(patient, "\"1\"", second.replace("\"sister\"", "\"brother\""), "emergency contact corrected");

        JsonNode revisions = Stack.json(stack.get(patient + "/history", desk));
        assertEquals(3, revisions.size());
        assertEquals(List.of("CREATED", "CHANGED", "CHANGED"), revisions.findValuesAsText("change"));
        assertEquals("moved house", revisions.get(1).get("reason").asText());
        assertEquals(Tokens.claims(desk).get("sub").asText(), revisions.get(1).get("actorId").asText());
        long rev1 = revisions.get(0).get("revision").asLong();
        long rev3 = revisions.get(2).get("revision").asLong();

        JsonNode diff = Stack.json(stack.get(patient + "/diff?from=" + rev1 + "&to=" + rev3, desk));
        assertEquals(List.of("emergencyContact.relationship", "phone"), diff.findValuesAsText("field"));
        assertEquals("+1 555 0100", diff.get(1).get("from").asText());
        assertEquals("+1 555 0111", diff.get(1).get("to").asText());

        assertEquals(400, stack.post(patient + "/revert", desk, "{\"toRevision\":" + rev1 + "}").statusCode(),
                "a revert needs a reason");
        HttpResponse<String> reverted = stack.send("POST", patient + "/revert", desk, "application/json",
                "{\"toRevision\":" + rev1 + ",\"reason\":\"both changes were entered on the wrong patient\"}",
                "If-Match", "\"2\"");
        assertEquals(200, reverted.statusCode(), reverted.body());

        JsonNode now = Stack.json(stack.get(patient, desk));
        JsonNode asFirst = Stack.json(stack.get(patient + "/history/" + rev1, desk));
        assertEquals(asFirst.get("demographics"), now.get("demographics"), "the current state equals revision 1");
        JsonNode after = Stack.json(stack.get(patient + "/history", desk));
        assertEquals(4, after.size(), "four revisions, none rewritten");
        assertEquals("both changes were entered on the wrong patient", after.get(3).get("reason").asText());
        assertEquals(List.of(), Stack.json(stack.get(patient + "/diff?from=" + rev1 + "&to="
                + after.get(3).get("revision").asLong(), desk)).findValuesAsText("field"));
        assertEquals(404, stack.get(patient + "/history/999999999", desk).statusCode());
        assertEquals(400, stack.get(patient + "/diff?from=x&to=1", desk).statusCode());
    }

    private void change(String patient, String etag, String demographics, String reason) {
        HttpResponse<String> changed = stack.send("PUT", patient, desk, "application/json",
                "{\"demographics\":" + demographics + ",\"restricted\":false,\"reason\":\"" + reason + "\"}", "If-Match", etag);
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.headers().firstValue("ETag").isPresent());
    }
}
