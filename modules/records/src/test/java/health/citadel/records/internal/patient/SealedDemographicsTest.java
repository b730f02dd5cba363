package health.citadel.records.internal.patient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import health.citadel.platform.crypto.BlindIndex;
import health.citadel.platform.crypto.DataKey;
import health.citadel.platform.crypto.EnvelopeEncryption;
import health.citadel.platform.crypto.UnreadableCiphertext;
import health.citadel.records.internal.keys.ChartKeys;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demographics go into their column encrypted for their row, with the blind indexes a search computes. */
class SealedDemographicsTest {

    private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000a11c");
    private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000b0b");
    private static final byte[] KEY_BINDING = "test data key".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static EnvelopeEncryption envelope;
    private static BlindIndex blindIndex;

    private final KeysAtHand keys = new KeysAtHand();
    private final SealedDemographics sealed = new SealedDemographics();

    {
        sealed.keys = keys;
    }

    @BeforeAll
    static void keysets(@TempDir Path folder) throws Exception {
        AeadConfig.register();
        PrfConfig.register();
        envelope = EnvelopeEncryption.fromKeyset(write(folder.resolve("kek.json"),
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)));
        blindIndex = BlindIndex.fromKeyset(write(folder.resolve("blind-index.json"),
                KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)));
    }

    @Test
    void demographicsOpenAsTheyWereSealedAndTheColumnHoldsNoneOfThem() {
        Demographics demographics = DemographicsTest.withNationalId("AB-123456789");
        Patient patient = new Patient(ALICE, NOW);

        sealed.seal(patient, keys.of(ALICE), demographics, true);

        assertEquals(demographics, sealed.open(patient), "opened whole: masking is the view's, not the column's");
        assertTrue(patient.restricted());
        String column = new String(patient.demographics(), StandardCharsets.ISO_8859_1);
        for (String value : new String[] {"MRN-004211", "Okafor", "Adaeze", "AB-123456789", "1984"}) {
            assertFalse(column.contains(value), value + " is in the column in clear");
        }
    }

    @Test
    void aValueCopiedIntoAnotherPatientsRowDoesNotOpenEvenUnderTheSameKey() {
        Patient alice = new Patient(ALICE, NOW);
        sealed.seal(alice, keys.of(ALICE), DemographicsTest.withNationalId("AB-123456789"), false);
        keys.dataKeys.put(BOB, keys.of(ALICE));
        Patient bob = new Patient(BOB, NOW);

        bob.record(alice.demographics(), null, null, false, NOW);

        assertThrows(UnreadableCiphertext.class, () -> sealed.open(bob));
    }

    @Test
    void theStoredIndexesAreTheOnesASearchComputesHoweverTheNameIsTyped() throws Exception {
        Patient patient = new Patient(ALICE, NOW);
        sealed.seal(patient, keys.of(ALICE), DemographicsTest.withNationalId(null), false);

        byte[] mrnIndex = stored(patient, "mrnIndex");
        byte[] nameBirthIndex = stored(patient, "nameBirthIndex");
        assertArrayEquals(sealed.mrnIndex("MRN-004211"), mrnIndex);
        assertArrayEquals(sealed.familyAndBirthIndex("  OKAFOR ", LocalDate.of(1984, 3, 12)), nameBirthIndex);
        assertFalse(Arrays.equals(sealed.mrnIndex("MRN-004212"), mrnIndex), "another MRN finds another patient");
        assertFalse(Arrays.equals(sealed.familyAndBirthIndex("Okafor", LocalDate.of(1984, 3, 13)), nameBirthIndex),
                "another birth date finds another patient");
    }

    /** A blind index as Hibernate writes it to its column: by field access, for which the entity has no getter. */
    private static byte[] stored(Patient patient, String field) throws ReflectiveOperationException {
        Field column = Patient.class.getDeclaredField(field);
        column.setAccessible(true);
        return (byte[]) column.get(patient);
    }

    private static Path write(Path file, KeysetHandle keyset) throws Exception {
        return Files.writeString(file,
                TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
    }

    /** The chart's keys without a database: a data key per patient made at hand, the blind-index key of a file. */
    private static final class KeysAtHand extends ChartKeys {

        final Map<UUID, DataKey> dataKeys = new HashMap<>();

        @Override
        public DataKey of(UUID patientId) {
            return dataKeys.computeIfAbsent(patientId,
                    id -> envelope.unwrap(envelope.newWrappedDataKey(KEY_BINDING), KEY_BINDING));
        }

        /** As ChartKeys decrypts, bound to the row, without the audit of a failure, which is ChartKeys' own. */
        @Override
        public byte[] decrypt(UUID patientId, String table, String column, UUID row, byte[] ciphertext) {
            return of(patientId).decrypt(ciphertext, binding(table, column, row));
        }

        @Override
        public byte[] index(String purpose, String normalizedValue) {
            return blindIndex.of(purpose, normalizedValue);
        }
    }
}
