package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
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

        String demographics(String birthDate) {
            return "{\"mrn\":\"" + mrn + "\",\"familyName\":\"" + family + "\",\"givenNames\":[\"" + given + "\"],"
                    + "\"birthDate\":\"" + birthDate + "\",\"sex\":\"FEMALE\",\"address\":{\"lines\":[\"1 " + family
                    + " Street\"],\"city\":\"Springfield\",\"postalCode\":\"12345\",\"country\":\"US\"},"
                    + "\"phone\":\"+1 555 0100\",\"email\":\"" + email + "\",\"nationalId\":\"" + nationalId + "\","
                    + "\"emergencyContact\":{\"name\":\"" + contact + "\",\"relationship\":\"sister\"},\"deceased\":false}";
        }

        String registration(String birthDate, boolean restricted) {
            return "{\"demographics\":" + demographics(birthDate) + ",\"restricted\":" + restricted + "}";
        }
    }

    /** Registers the patient at the front desk; returns its id. */
    static UUID register(Canary canary, String birthDate, boolean restricted) {
        HttpResponse<String> created = as(Tokens.of("front.desk")).post(PATIENTS).body("application/json", canary.registration(birthDate, restricted));
        assertEquals(201, created.statusCode(), created.body());
        return UUID.fromString(Stack.json(created).get("id").asText());
    }

    /** Sets or clears the patient's restricted flag on its own, with the caller's token. */
    static HttpResponse<String> restrict(String token, UUID patient, boolean restricted) {
        return as(token).put(patient(patient) + "/restriction").body("application/json", "{\"restricted\":" + restricted + ",\"reason\":\"employment at the hospital " + (restricted ? "began" : "ended") + "\"}");
    }

    /** Puts the demo clinician on the patient's care team, as the administrator. */
    static void assignCareTeam(String clinician, UUID patient) {
        String clinicianId = Tokens.claims(Tokens.of(clinician)).get("sub").asText();
        HttpResponse<String> assigned = as(Tokens.of("admin.alan")).post("/api/v1/identity/care-team-assignments").body("application/json", "{\"clinicianId\":\"" + clinicianId + "\",\"patientId\":\"" + patient + "\"}");
        assertEquals(201, assigned.statusCode(), assigned.body());
    }
}
