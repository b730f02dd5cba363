package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input the fuzzing found accepted or answered 500: a body with a key twice (the last one won, and really erased a
 * patient), and NUL characters in a body or a query parameter; and a value of the wrong shape, whose 400 did not
 * say which field. Each is now a 400 naming the field, with nothing written.
 */
class StrictInputIT {

    @Test
    void aBodyWithAKeyTwiceIsRefusedAndChangesNothing() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1949-10-10", false);
        // as text: Jackson writes no key twice
        HttpResponse<String> erase = as(Tokens.of("admin.alan")).post(patient(patient) + "/erase")
                .body("application/json", "{\"reason\":\"GDPR article 17 request\",\"reason\":\"another\"}");

        assertRefused(erase, "reason: appears more than once");
        assertEquals(200, as(Tokens.of("front.desk")).get(patient(patient)).send().statusCode(),
                "the patient is not erased");
    }

    @Test
    void aNulCharacterInABodyOrAParameterIsA400NotAServerError() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1949-10-11", false);
        assertRefused(as(Tokens.of("nurse.joy")).post("/api/v1/identity/break-glass-grants")
                .json(object("patientId", patient, "reason", "unconscious in the emergency \0 room")),
                "reason: must not contain");
        assertRefused(as(Tokens.of("auditor.ada")).get("/api/v1/audit/events?actor=%00").send(),
                "actor: must not contain");
    }

    @Test
    void aValueOfTheWrongShapeIsA400NamingItsField() {
        ObjectNode registration = Patients.Canary.fresh().registration("1961-13-45", false);
        assertRefused(as(Tokens.of("front.desk")).post(Patients.PATIENTS).json(registration),
                "birthDate: not a valid value");
    }

    private static void assertRefused(HttpResponse<String> response, String detail) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Stack.json(response).get("detail").asText().contains(detail), response.body());
    }
}
