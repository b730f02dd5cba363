package health.citadel.records.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import health.citadel.platform.crypto.EnvelopeEncryption;
import health.citadel.platform.crypto.UnreadableCiphertext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment's settings choose the key-encryption key: a KMS key when CITADEL_RECORDS_KEK_URI names one, even
 * where the image also names a keyset file; the keyset file as before when it does not.
 */
class KeyEncryptionKeySettingTest {

    private static final String KMS_URI = "fake-kms://records-key-encryption-key";
    private static final byte[] OWNER = ChartKeys.binding("patient_key", "wrapped_key", new UUID(0, 1));
    private static final AtomicInteger KMS_CALLS = new AtomicInteger();

    private static Path keysetFile;

    private final KeyEncryptionKeySetting setting = new KeyEncryptionKeySetting();

    @BeforeAll
    static void keysetFileAndKms(@TempDir Path folder) throws Exception {
        AeadConfig.register();
        keysetFile = Files.writeString(folder.resolve("records-kek.json"), TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()));
        KmsClients.add(new CountingKms());
    }

    @Test
    void aKmsUriChoosesTheKeyInTheKmsOverTheKeysetFile() {
        setting.kmsUri = Optional.of(KMS_URI);
        setting.keysetFile = Optional.of(keysetFile.toString());
        int before = KMS_CALLS.get();

        EnvelopeEncryption chosen = setting.keyEncryptionKeys().load();
        byte[] wrapped = chosen.newWrappedDataKey(OWNER);

        assertEquals(before + 1, KMS_CALLS.get(), "wrapped by a call to the KMS");
        chosen.unwrap(wrapped, OWNER);
        assertEquals(before + 2, KMS_CALLS.get(), "unwrapped by another");
        assertThrows(UnreadableCiphertext.class, () -> EnvelopeEncryption.fromKeyset(keysetFile).unwrap(wrapped, OWNER),
                "not by the keyset file");
    }

    @Test
    void withoutAKmsUriTheKeysetFileWrapsAsBefore() {
        setting.kmsUri = Optional.empty();
        setting.keysetFile = Optional.of(keysetFile.toString());
        int before = KMS_CALLS.get();

        byte[] wrapped = setting.keyEncryptionKeys().load().newWrappedDataKey(OWNER);

        EnvelopeEncryption.fromKeyset(keysetFile).unwrap(wrapped, OWNER);
        assertEquals(before, KMS_CALLS.get(), "no call to any KMS");
    }

    @Test
    void withNeitherSettingNoKeyWrapsAndBothVariablesAreNamed() {
        setting.kmsUri = Optional.empty();
        setting.keysetFile = Optional.empty();

        IllegalStateException refused = assertThrows(IllegalStateException.class, setting::keyEncryptionKeys);

        assertTrue(refused.getMessage().contains("CITADEL_RECORDS_KEK_URI")
                && refused.getMessage().contains("CITADEL_RECORDS_KEK_KEYSET"), refused.getMessage());
    }

    /** A KMS for {@code fake-kms://}: one AES-256-GCM key kept here, each of whose uses is counted. */
    private static final class CountingKms implements KmsClient {

        private final Aead key;

        CountingKms() throws GeneralSecurityException {
            key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        }

        @Override
        public boolean doesSupport(String uri) {
            return KMS_URI.equals(uri);
        }

        @Override
        public KmsClient withCredentials(String credentialPath) {
            return this;
        }

        @Override
        public KmsClient withDefaultCredentials() {
            return this;
        }

        @Override
        public Aead getAead(String uri) {
            return new Aead() {
                @Override
                public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
                    KMS_CALLS.incrementAndGet();
                    return key.encrypt(plaintext, associatedData);
                }

                @Override
                public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
                    KMS_CALLS.incrementAndGet();
                    return key.decrypt(ciphertext, associatedData);
                }
            };
        }
    }
}
