package health.citadel.localstack;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The backup key, generated once per local stack (mode 0600): {@code bin/citadel dr backup} encrypts with it,
 * and a restore needs it. Keep a copy apart from the backups, as with the records keys: a backup without its
 * key is unreadable, which is the point.
 */
final class BackupKeysets {

    private BackupKeysets() {
    }

    static Path keyset(StackHome home) {
        return home.keys().resolve("dr-backup.json");
    }

    static void ensure(StackHome home) {
        Path keyset = keyset(home);
        if (Files.isRegularFile(keyset)) {
            return;
        }
        try {
            StreamingAeadConfig.register();
            StackHome.writeSecretFile(keyset, TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB),
                    InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new StackException("cannot create the backup key: " + e.getMessage(), e);
        }
    }
}
