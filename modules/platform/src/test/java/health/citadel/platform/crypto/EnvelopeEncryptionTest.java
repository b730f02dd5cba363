package health.citadel.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeEncryptionTest {

    private static final byte[] ALICE = "records.patient_key.wrapped_key:alice".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BOB = "records.patient_key.wrapped_key:bob".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW = "records.patient.demographics:alice".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "Jane Doe, 1970-01-01".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path keys;

    @BeforeAll
    static void registerTink() throws Exception {
        AeadConfig.register();
        PrfConfig.register();
    }

    private Path write(String name, KeysetHandle handle) throws Exception {
        Path file = keys.resolve(name);
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
        return file;
    }

    @Test
    void aValueDecryptsOnlyWithItsOwnersKeyAndItsOwnBinding() throws Exception {
        EnvelopeEncryption envelope = EnvelopeEncryption.fromKeyset(write("kek.json",
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)));
        byte[] wrapped = envelope.newWrappedDataKey(ALICE);
        byte[] ciphertext = envelope.unwrap(wrapped, ALICE).encrypt(SECRET, ROW);
        assertArrayEquals(SECRET, envelope.unwrap(wrapped, ALICE).decrypt(ciphertext, ROW));
        assertThrows(UnreadableCiphertext.class, () -> envelope.unwrap(wrapped, ALICE).decrypt(ciphertext,
                "records.patient.demographics:bob".getBytes(StandardCharsets.UTF_8)), "bound to its row");
        assertThrows(UnreadableCiphertext.class, () -> envelope.unwrap(wrapped, BOB), "a wrapped key is bound to its owner");
        byte[] other = envelope.newWrappedDataKey(ALICE);
        assertThrows(UnreadableCiphertext.class, () -> envelope.unwrap(other, ALICE).decrypt(ciphertext, ROW),
                "another data key does not decrypt it");
    }

    @Test
    void aKeysetFileIsReadAgainSoThatItsRotatedPrimaryKeyWrapsAndTheOldKeyCanGo() throws Exception {
        KeysetHandle first = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        KeyEncryptionKeys kek = KeyEncryptionKeys.keysetFile(write("kek.json", first));
        byte[] wrapped = kek.load().newWrappedDataKey(ALICE);
        byte[] ciphertext = kek.load().unwrap(wrapped, ALICE).encrypt(SECRET, ROW);

        // what tinkey add-key and promote-key do to the file
        write("kek.json", KeysetHandle.newBuilder(first).addEntry(KeysetHandle.generateEntryFromParameters(
                PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary()).build());
        byte[] rewrapped = kek.load().rewrap(wrapped, ALICE);
        KeysetHandle.Builder newOnly = KeysetHandle.newBuilder(TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(keys.resolve("kek.json")), InsecureSecretKeyAccess.get()));
        write("kek.json", newOnly.deleteAt(0).build());

        EnvelopeEncryption rotated = kek.load();
        assertArrayEquals(SECRET, rotated.unwrap(rewrapped, ALICE).decrypt(ciphertext, ROW), "the same data key");
        assertThrows(UnreadableCiphertext.class, () -> rotated.unwrap(wrapped, ALICE), "the old key is gone from the file");
    }

    @Test
    void blindIndexesAreStableKeyedAndSeparatedByPurpose() throws Exception {
        Path key = write("index.json", KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF));
        BlindIndex index = BlindIndex.fromKeyset(key);
        assertArrayEquals(index.of("patient.mrn", "MRN-1"), BlindIndex.fromKeyset(key).of("patient.mrn", "MRN-1"));
        assertFalse(Arrays.equals(index.of("patient.mrn", "MRN-1"), index.of("patient.mrn", "MRN-2")));
        assertFalse(Arrays.equals(index.of("patient.mrn", "X"), index.of("patient.name", "X")));
        BlindIndex otherKey = BlindIndex.fromKeyset(write("other.json",
                KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)));
        assertFalse(Arrays.equals(index.of("patient.mrn", "MRN-1"), otherKey.of("patient.mrn", "MRN-1")));
        assertEquals(32, index.of("patient.mrn", "MRN-1").length);
    }
}
