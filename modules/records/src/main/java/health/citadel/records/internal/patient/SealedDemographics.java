package health.citadel.records.internal.patient;

import health.citadel.platform.crypto.DataKey;
import health.citadel.platform.web.StrictJson;
import health.citadel.records.internal.keys.ChartKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/** Demographics in and out of their encrypted column, with the blind indexes that find them. */
@ApplicationScoped
public class SealedDemographics {

    static final String MRN = "patient.mrn";
    static final String FAMILY_BIRTH = "patient.family-birth";
    private static final Jsonb JSON = StrictJson.BINDER;

    @Inject
    ChartKeys keys;

    /** Writes the demographics into the patient (current row or a revert), encrypted under the patient's key. */
    void seal(Patient patient, DataKey key, Demographics demographics, boolean restricted) {
        byte[] plaintext = JSON.toJson(demographics).getBytes(StandardCharsets.UTF_8);
        patient.record(key.encrypt(plaintext, binding(patient)), mrnIndex(demographics.mrn()),
                keys.index(FAMILY_BIRTH, FamilyAndBirth.key(demographics.familyName(), demographics.birthDate())),
                restricted, Instant.now());
    }

    /** The demographics of the patient row, current or historic; fails loudly if they were not sealed for it. */
    public Demographics open(Patient patient) {
        byte[] plaintext = keys.decrypt(patient.id(), "patient", "demographics", patient.id(), patient.demographics());
        return JSON.fromJson(new String(plaintext, StandardCharsets.UTF_8), Demographics.class);
    }

    byte[] mrnIndex(String mrn) {
        return keys.index(MRN, mrn);
    }

    byte[] familyAndBirthIndex(String family, LocalDate birthDate) {
        return keys.index(FAMILY_BIRTH, FamilyAndBirth.key(family, birthDate));
    }

    static String toJson(Object value) {
        return JSON.toJson(value);
    }

    private static byte[] binding(Patient patient) {
        return ChartKeys.binding("patient", "demographics", patient.id());
    }
}
