package health.citadel.localstack;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The chart's two secrets, generated once per local stack (mode 0600): the key-encryption key that wraps each
 * patient's data key, and the separate blind-index key. Production mounts them from a secret store.
 */
final class RecordKeysets {

    private RecordKeysets() {
    }

    static Path keyEncryptionKeyset(StackHome home) {
        return home.keys().resolve("records-kek.json");
    }

    static Path blindIndexKeyset(StackHome home) {
        return home.keys().resolve("records-blind-index.json");
    }

    static void ensure(StackHome home) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            ensure(keyEncryptionKeyset(home), PredefinedAeadParameters.AES256_GCM);
            ensure(blindIndexKeyset(home), PredefinedPrfParameters.HMAC_SHA256_PRF);
        } catch (GeneralSecurityException e) {
            throw new StackException("cannot create the records keys: " + e.getMessage(), e);
        }
    }

    private static void ensure(Path keyset, Parameters parameters) throws GeneralSecurityException {
        if (!Files.isRegularFile(keyset)) {
            StackHome.writeSecretFile(keyset, TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(parameters), InsecureSecretKeyAccess.get()));
        }
    }
}
