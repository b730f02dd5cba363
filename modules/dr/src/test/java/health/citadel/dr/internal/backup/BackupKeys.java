package health.citadel.dr.internal.backup;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh backup key, as {@code bin/citadel up} generates one, for tests that write or read backups. */
final class BackupKeys {

    private BackupKeys() {
    }

    static Path generate(Path file) throws Exception {
        StreamingAeadConfig.register();
        return Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB),
                InsecureSecretKeyAccess.get()));
    }
}
