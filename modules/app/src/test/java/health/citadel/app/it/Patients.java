package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Patients for the tests, registered through the API. Every identifying value contains {@link #CANARY}, so
 * that {@code PhiCanaryIT} can look for any of them where PHI must never be: logs, audit tables, metrics,
 * error responses, and the database in clear.
 */
final class Patients {

    /** Part of every test patient's name, identifiers and contact details. */
    static final String CANARY = "Cnry";

    static final String PATIENTS = "/api/v1/patients";

    private Patients() {
    }

    /** The patient's path: {@code /api/v1/patients/{id}}. */
    static String patient(UUID id) {
        return PATIENTS + "/" + id;
    }

    /** The body of a change of the demographics: the new demographics, the restricted flag and the reason. */
    static ObjectNode change(JsonNode demographics, boolean restricted, String reason) {
        return object("demographics", demographics, "restricted", restricted, "reason", reason);
    }

    /** The content of a heart rate observation, a chart entry of any patient's. */
    static ObjectNode heartRate(int value, String effectiveAt) {
        return object("code", "8867-4", "display", "Heart rate", "value", value, "unit", "/min",
                "effectiveAt", effectiveAt);
    }

    /** One patient's distinctive values. */
    record Canary(String mrn, String family, String given, String nationalId, String email, String contact) {

        static Canary fresh() {
            String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            return new Canary((CANARY + tag).toUpperCase(Locale.ROOT), CANARY + "fam" + tag, CANARY + "giv" + tag,
                    CANARY + "-NID-" + tag, CANARY.toLowerCase(Locale.ROOT) + tag + "@example.org", CANARY + "kin" + tag);
        }

        String[] values() {
            return new String[] {mrn, family, given, nationalId, email, contact};
        }

        /** The demographics, a new node each time: a test changes its own copy. */
        ObjectNode demographics(String birthDate) {
            return object("mrn", mrn, "familyName", family, "givenNames", List.of(given), "birthDate", birthDate,
                    "sex", "FEMALE",
                    "address", object("lines", List.of("1 " + family + " Street"), "city", "Springfield",
                            "postalCode", "12345", "country", "US"),
                    "phone", "+1 555 0100", "email", email, "nationalId", nationalId,
                    "emergencyContact", object("name", contact, "relationship", "sister"),
                    "deceased", false);
        }

        ObjectNode registration(String birthDate, boolean restricted) {
            return object("demographics", demographics(birthDate), "restricted", restricted);
        }
    }

    /** Registers the patient at the front desk; returns its id. */
    static UUID register(Canary canary, String birthDate, boolean restricted) {
        HttpResponse<String> created = as(Tokens.of("front.desk")).post(PATIENTS)
                .json(canary.registration(birthDate, restricted));
        assertEquals(201, created.statusCode(), created.body());
        return UUID.fromString(Stack.json(created).get("id").asText());
    }

    /** Sets or clears the patient's restricted flag on its own, with the caller's token. */
    static HttpResponse<String> restrict(String token, UUID patient, boolean restricted) {
        return as(token).put(patient(patient) + "/restriction").json(object("restricted", restricted,
                "reason", "employment at the hospital " + (restricted ? "began" : "ended")));
    }

    /** Puts the demo clinician on the patient's care team, as the administrator. */
    static void assignCareTeam(String clinician, UUID patient) {
        String clinicianId = Tokens.claims(Tokens.of(clinician)).get("sub").asText();
        HttpResponse<String> assigned = as(Tokens.of("admin.alan")).post("/api/v1/identity/care-team-assignments")
                .json(object("clinicianId", clinicianId, "patientId", patient));
        assertEquals(201, assigned.statusCode(), assigned.body());
    }
}
