package health.citadel.app.it;

import static health.citadel.app.it.Patients.change;
import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The patient register over REST: registration, masking, care-team reads, search, optimistic concurrency. */
class PatientIT {

    private static final String PATIENTS = Patients.PATIENTS;
    private final Stack stack = Stack.get();

    @Test
    void registeredPatientsAreReadWithAMaskedIdentifierAndChangedOnlyWithTheCurrentVersion() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        String desk = Tokens.of("front.desk");
        HttpResponse<String> created = as(desk).post(PATIENTS).json(canary.registration("1984-03-02", false));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode patient = Stack.json(created);
        UUID id = UUID.fromString(patient.get("id").asText());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(patient(id)));
        assertEquals("\"0\"", created.headers().firstValue("ETag").orElseThrow());
        String nationalId = canary.nationalId();
        assertEquals("****" + nationalId.substring(nationalId.length() - 4),
                patient.at("/demographics/nationalId").asText(), "only the last four are shown");
        assertFalse(created.body().contains(nationalId));

        HttpResponse<String> read = as(desk).get(patient(id)).send();
        assertEquals(200, read.statusCode());
        assertEquals(canary.family(), Stack.json(read).at("/demographics/familyName").asText());
        assertEquals("\"0\"", read.headers().firstValue("ETag").orElseThrow());

        ObjectNode newTelephone = change(canary.demographics("1984-03-02").put("phone", "+1 555 0199"), false,
                "new telephone number");
        assertEquals(428, as(desk).put(patient(id)).json(newTelephone).statusCode(), "a change needs If-Match");
        assertEquals(412, as(desk).put(patient(id)).ifMatch(3).json(newTelephone).statusCode(),
                "a stale version is refused");
        HttpResponse<String> changed = as(desk).put(patient(id)).ifMatch(0).json(newTelephone);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("\"1\"", changed.headers().firstValue("ETag").orElseThrow());
        assertEquals("+1 555 0199", Stack.json(changed).at("/demographics/phone").asText());
        assertEquals(412, as(desk).put(patient(id)).ifMatch(0).json(newTelephone).statusCode(),
                "the version just replaced is stale");

        try (Connection a = Regions.dba("a")) {
            String deskId = Tokens.claims(desk).get("sub").asText();
            assertEquals(List.of("CREATE", "READ", "UPDATE"), Regions.strings(a, "SELECT action FROM audit.access_event"
                    + " WHERE patient_id = ?::uuid AND actor_id = ? ORDER BY occurred_at", id.toString(), deskId));
        }

        String retire = patient(id) + "/retire";
        ObjectNode twice = object("reason", "registered twice");
        assertEquals(428, as(desk).post(retire).json(twice).statusCode());
        HttpResponse<String> retired = as(desk).post(retire).ifMatch(1).json(twice);
        assertEquals(200, retired.statusCode(), retired.body());
        assertTrue(Stack.json(retired).get("retired").asBoolean());
        HttpResponse<String> afterRetiring = as(desk).get(patient(id)).send();
        assertEquals(200, afterRetiring.statusCode(), "a retired record stays readable");
        assertTrue(Stack.json(afterRetiring).get("retired").asBoolean());
        assertEquals("registered twice", Stack.json(as(desk).get(patient(id) + "/history").send()).get(2)
                .get("reason").asText(), "retiring is a revision of its own");
    }

    @Test
    void cliniciansReadTheirCareTeamsPatientsOnlyAndRevealWithASecondFactor() {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1990-07-14", false);
        String nurse = Tokens.of("nurse.joy");
        assertEquals(403, as(nurse).get(patient(id)).send().statusCode(), "not on the care team");
        Patients.assignCareTeam("nurse.joy", id);
        assertEquals(200, as(nurse).get(patient(id)).send().statusCode());
        assertEquals(403, as(nurse).post(patient(id) + "/reveal").json(object("reason", "insurance claim"))
                .statusCode(), "nurses may not reveal identifiers");
        assertEquals(403, as(Tokens.of("admin.alan")).get(patient(id)).send().statusCode(),
                "administrators see no PHI");

        String physician = Tokens.of("dr.house");
        Patients.assignCareTeam("dr.house", id);
        ObjectNode claim = object("reason", "insurance claim needs the full number");
        HttpResponse<String> revealed = as(physician).post(patient(id) + "/reveal").json(claim);
        assertEquals(200, revealed.statusCode(), revealed.body());
        assertEquals(canary.nationalId(), Stack.json(revealed).get("nationalId").asText());

        KeycloakAdmin.ensurePasswordOnlyClient("it-password-only");
        String withoutOtp = Tokens.of("dr.house", stack.keycloakUrl(), "it-password-only");
        HttpResponse<String> challenged = as(withoutOtp).post(patient(id) + "/reveal").json(claim);
        assertEquals(401, challenged.statusCode());
        assertTrue(challenged.headers().firstValue("WWW-Authenticate").orElseThrow()
                .contains("insufficient_user_authentication"));
    }

    @Test
    void everyAccessToARestrictedPatientRaisesAnAlertAndTheChainStillVerifies() throws Exception {
        UUID restricted = Patients.register(Patients.Canary.fresh(), "1955-05-05", true);
        UUID ordinary = Patients.register(Patients.Canary.fresh(), "1955-05-06", false);
        String desk = Tokens.of("front.desk");
        String deskId = Tokens.claims(desk).get("sub").asText();
        assertEquals(200, as(desk).get(patient(restricted)).send().statusCode());
        assertEquals(200, as(desk).get(patient(ordinary)).send().statusCode());
        try (Connection a = Regions.dba("a")) {
            String alerts = "SELECT count(*) FROM audit.alert WHERE rule = 'restricted-patient' AND actor_id = ? "
                    + "AND patient_id = ?::uuid";
            // detection runs as events are linked, a quarter of a second after they commit
            assertEquals(List.of("2"), await().atMost(Duration.ofSeconds(10)).until(
                    () -> Regions.strings(a, alerts, deskId, restricted.toString()), List.of("2")::equals),
                    "the registration and the read each raise one");
            assertEquals(List.of("0"), Regions.strings(a, alerts, deskId, ordinary.toString()));
            assertEquals(List.of("true"), Regions.strings(a, "SELECT bool_and(restricted_patient)::text FROM "
                    + "audit.access_event WHERE patient_id = ?::uuid AND outcome = 'SUCCESS'", restricted.toString()));
        }
        HttpResponse<String> verified = as(Tokens.of("auditor.ada")).get("/api/v1/audit/verify").send();
        assertTrue(Stack.json(verified).get("ok").asBoolean(), "the marked events are sealed and chained: " + verified.body());
    }

    @Test
    void exactSearchFindsByMrnOrByFamilyAndBirthDate() {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1975-12-01", false);
        String desk = Tokens.of("front.desk");
        JsonNode byMrn = Stack.json(as(desk).get(PATIENTS + "?mrn=" + canary.mrn()).send());
        assertEquals(List.of(id.toString()), ids(byMrn));
        String family = "%20%20" + canary.family().toUpperCase() + "%20";
        JsonNode byName = Stack.json(as(desk).get(PATIENTS + "?family=" + family + "&birthDate=1975-12-01").send());
        assertEquals(List.of(id.toString()), ids(byName), "case and surrounding spaces do not matter");
        assertEquals(List.of(), ids(Stack.json(as(desk).get(PATIENTS + "?family=" + canary.family()
                + "&birthDate=1975-12-02").send())));
        assertEquals(List.of(), ids(Stack.json(as(Tokens.of("nurse.joy")).get(PATIENTS + "?mrn=" + canary.mrn())
                .send())), "a clinician finds only the patients of their care teams");
        assertEquals(400, as(desk).get(PATIENTS + "?family=x").send().statusCode());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Patients.Canary canary = Patients.Canary.fresh();
        String desk = Tokens.of("front.desk");
        ObjectNode invalid = canary.registration("2999-01-01", false);
        invalid.withObject("/demographics/address").put("country", "usa");
        HttpResponse<String> refused = as(desk).post(PATIENTS).json(invalid);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("demographics.birthDate"), refused.body());
        assertTrue(refused.body().contains("demographics.address.country"), refused.body());
        assertEquals(400, as(desk).post(PATIENTS).json(object("demographics", canary.demographics("1980-01-01"),
                "unknownField", 1, "restricted", false)).statusCode(), "unknown fields");
        assertEquals(415, as(desk).post(PATIENTS).body("text/plain", "hello").statusCode());
        assertEquals(400, as(desk).get(PATIENTS + "/not-a-uuid").send().statusCode());
        assertEquals(404, as(desk).get(patient(UUID.randomUUID())).send().statusCode());
        assertEquals(List.of(), ids(Stack.json(as(desk).get(PATIENTS + "?mrn=" + canary.mrn()).send())),
                "nothing was registered");
        assertEquals(409, conflictOnSecondRegistration(desk));
    }

    private int conflictOnSecondRegistration(String desk) {
        Patients.Canary canary = Patients.Canary.fresh();
        Patients.register(canary, "1980-01-01", false);
        return as(desk).post(PATIENTS).json(canary.registration("1981-01-01", false)).statusCode();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("id");
    }

    /**
     * The restricted flag is the administrator's to set and clear, on its own: the front desk's ordinary change
     * cannot clear it, directly or by reverting to a revision from before it was set. Clearing it ends the
     * restricted-patient alerts for good, so it raises an alert of its own.
     */
    @Test
    void onlyAnAdministratorSetsOrClearsTheRestrictionAndClearingItIsAlerted() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1966-06-06", false);
        String desk = Tokens.of("front.desk");
        String admin = Tokens.of("admin.alan");
        assertEquals(403, Patients.restrict(desk, id, true).statusCode(), "not the front desk's to set");
        HttpResponse<String> set = Patients.restrict(admin, id, true);
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(Stack.json(set).get("restricted").asBoolean());
        assertEquals("\"1\"", set.headers().firstValue("ETag").orElseThrow());

        assertEquals(403, changeTelephone(desk, id, canary, false, 1).statusCode(),
                "an ordinary update may not clear it");
        HttpResponse<String> changed = changeTelephone(desk, id, canary, true, 1);
        assertEquals(200, changed.statusCode(), "one that leaves it as it is still works: " + changed.body());
        long registered = Stack.json(as(desk).get(patient(id) + "/history").send()).get(0).get("revision").asLong();
        HttpResponse<String> reverted = as(desk).post(patient(id) + "/revert").ifMatch(2)
                .json(object("toRevision", registered, "reason", "telephone entered in error"));
        assertEquals(200, reverted.statusCode(), reverted.body());
        assertTrue(Stack.json(reverted).get("restricted").asBoolean(), "a revert leaves the restriction as it is");

        HttpResponse<String> cleared = Patients.restrict(admin, id, false);
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertFalse(Stack.json(cleared).get("restricted").asBoolean());
        try (Connection a = Regions.dba("a")) {
            assertEquals(List.of("RESTRICTION_SET", "RESTRICTION_CLEARED"), Regions.strings(a, "SELECT action FROM "
                    + "audit.access_event WHERE patient_id = ?::uuid AND actor_id = ? ORDER BY occurred_at",
                    id.toString(), Tokens.claims(admin).get("sub").asText()));
            String alerts = "SELECT severity FROM audit.alert WHERE rule = 'restriction-cleared' AND patient_id = ?::uuid";
            assertEquals(List.of("HIGH"), await().atMost(Duration.ofSeconds(10))
                    .until(() -> Regions.strings(a, alerts, id.toString()), rows -> !rows.isEmpty()));
        }
    }

    /** The front desk's change of the telephone number, with the flag as given. */
    private HttpResponse<String> changeTelephone(String token, UUID id, Patients.Canary canary, boolean restricted,
                                                 long version) {
        return as(token).put(patient(id)).ifMatch(version).json(change(
                canary.demographics("1966-06-06").put("phone", "+1 555 0142"), restricted, "new telephone number"));
    }
}
