package health.citadel.app.it;

import static health.citadel.app.it.Patients.change;
import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Online rotation of both kinds of key: everything stays readable, and an interrupted run resumes. Each rotation
 * runs to its end in calls of at most {@value #PER_CALL} patients, as the runbook advises for a large register,
 * so that no one call outlasts the client's timeout however many patients the suite has made by then.
 */
class KeyRotationIT {

    private static final String ROTATIONS = "/api/v1/keys/rotations";
    private static final int PER_CALL = 500;
    private final Stack stack = Stack.get();

    @Test
    void anInterruptedDataKeyRotationResumesAndEveryVersionStaysReadable() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1971-01-01", false);
        String desk = Tokens.of("front.desk");
        assertEquals(200, as(desk).put(patient(id)).ifMatch(0)
                .json(change(canary.demographics("1971-01-01").put("phone", "+1 555 0133"), false, "new number"))
                .statusCode());
        List<String> before = storedValues(id);
        List<UUID> readable = readable(patientsWithKeys());

        String admin = Tokens.of("admin.alan");
        JsonNode interrupted = Stack.json(as(admin).post(ROTATIONS)
                .json(object("kind", "DATA_KEYS", "maxPatients", 1)));
        assertEquals(1, interrupted.get("processed").asLong() + interrupted.get("skipped").asLong());
        assertTrue(interrupted.path("finishedAt").isMissingNode() || interrupted.get("finishedAt").isNull());
        assertEquals(200, as(desk).get(patient(id)).send().statusCode(), "readable mid-rotation");

        List<JsonNode> resumed = rotateToTheEnd("DATA_KEYS");
        JsonNode done = resumed.get(resumed.size() - 1);
        for (JsonNode call : resumed) {
            assertEquals(interrupted.get("id"), call.get("id"), "the same rotation, resumed");
        }
        assertFalse(done.get("finishedAt").isNull());
        List<UUID> keyed = patientsWithKeys();
        assertEquals(keyed.size(), done.get("processed").asLong() + done.get("skipped").asLong(), "each patient once");
        assertEquals(keyed.size() - readable.size(), done.get("skipped").asLong(),
                "only a patient whose values were already unreadable (ChartEncryptionIT's tampered row) is skipped");

        List<String> after = storedValues(id);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertFalse(before.get(i).equals(after.get(i)), "key and values are all new: " + i);
        }
        assertEquals(readable, readable(keyed), "every patient readable before is readable after");
        // the rotation can outlast the token taken at the start: the desk's shared token, renewed as it nears expiry
        for (JsonNode revision : Stack.json(as(Tokens.of("front.desk")).get(patient(id) + "/history").send())) {
            HttpResponse<String> old = as(Tokens.of("front.desk"))
                    .get(patient(id) + "/history/" + revision.get("revision")).send();
            assertEquals(200, old.statusCode(), "history re-encrypted once, not twice: " + old.body());
            assertEquals(canary.family(), Stack.json(old).at("/demographics/familyName").asText());
        }
        try (Connection a = Regions.dba("a")) {
            List<String> audited = new ArrayList<>(Collections.nCopies(resumed.size(), "DATA_KEYS resumed"));
            audited.add("DATA_KEYS started");
            assertEquals(audited, Regions.strings(a, "SELECT reason FROM "
                    + "audit.access_event WHERE action = 'KEY_ROTATION' AND resource_id = ? ORDER BY reason",
                    done.get("id").asText()));
        }
    }

    @Test
    void aNewKeyEncryptionKeyRewrapsEveryDataKey() throws Exception {
        AeadConfig.register();
        List<UUID> readable = readable(patientsWithKeys());
        Path keysetFile = stack.home().resolve("keys").resolve("records-kek.json");
        KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile),
                InsecureSecretKeyAccess.get());
        KeysetHandle newOnly = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        KeysetHandle rotated = KeysetHandle.newBuilder(current).addEntry(KeysetHandle.importKey(
                newOnly.getAt(0).getKey()).withFixedId(newOnly.getAt(0).getId()).makePrimary()).build();
        Files.writeString(keysetFile, TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()));

        List<JsonNode> run = rotateToTheEnd("KEY_ENCRYPTION_KEY");
        List<UUID> keyed = patientsWithKeys();
        assertEquals(keyed.size(), run.get(run.size() - 1).get("processed").asLong());

        Aead onlyTheNewKey = newOnly.getPrimitive(RegistryConfiguration.get(), Aead.class);
        try (Connection a = Regions.dba("a");
             PreparedStatement keys = a.prepareStatement("SELECT patient_id, wrapped_key FROM records.patient_key "
                     + "WHERE wrapped_key IS NOT NULL");
             ResultSet rows = keys.executeQuery()) {
            while (rows.next()) {
                byte[] binding = ("records.patient_key.wrapped_key:" + rows.getString(1)).getBytes(StandardCharsets.UTF_8);
                // throws unless the new key alone unwraps it
                assertEquals(1, TinkProtoKeysetFormat.parseEncryptedKeyset(rows.getBytes(2), onlyTheNewKey, binding).size());
            }
        }
        assertEquals(readable, readable(keyed), "every patient readable before is readable after");
    }

    /**
     * Starts or resumes the rotation of {@code kind} and calls again until it answers {@code finishedAt}: each
     * call's answer, the last one the finished rotation. Gives up after more calls than the register needs.
     */
    private List<JsonNode> rotateToTheEnd(String kind) throws Exception {
        String admin = Tokens.of("admin.alan");
        int enough = patientsWithKeys().size() / PER_CALL + 2;
        List<JsonNode> answers = new ArrayList<>();
        while (answers.size() < enough) {
            HttpResponse<String> call = as(admin).post(ROTATIONS).json(object("kind", kind, "maxPatients", PER_CALL));
            assertEquals(200, call.statusCode(), call.body());
            JsonNode answer = Stack.json(call);
            answers.add(answer);
            if (answer.hasNonNull("finishedAt")) {
                return answers;
            }
        }
        throw new AssertionError("the " + kind + " rotation did not finish in " + enough + " calls of " + PER_CALL);
    }

    /** Those of the patients the front desk can read; a tampered row is not. A large register outlasts one token. */
    private List<UUID> readable(List<UUID> patients) {
        return patients.stream().filter(patient -> as(Tokens.of("front.desk")).get(patient(patient)).send()
                .statusCode() == 200).toList();
    }

    private static List<UUID> patientsWithKeys() throws Exception {
        try (Connection a = Regions.dba("a")) {
            return Regions.strings(a, "SELECT patient_id FROM records.patient_key WHERE wrapped_key IS NOT NULL ORDER BY patient_id::text")
                    .stream().map(UUID::fromString).toList();
        }
    }

    /** The patient's wrapped key, current ciphertext and historic ciphertexts, as a DBA sees them. */
    private static List<String> storedValues(UUID id) throws Exception {
        try (Connection a = Regions.dba("a")) {
            List<String> values = new ArrayList<>(Regions.strings(a, "SELECT encode(wrapped_key, 'hex') FROM "
                    + "records.patient_key WHERE patient_id = ?::uuid", id.toString()));
            values.addAll(Regions.strings(a, "SELECT encode(demographics, 'hex') FROM records.patient WHERE id = ?::uuid",
                    id.toString()));
            values.addAll(Regions.strings(a, "SELECT encode(demographics, 'hex') FROM records.patient_history "
                    + "WHERE id = ?::uuid ORDER BY rev", id.toString()));
            return values;
        }
    }
}
