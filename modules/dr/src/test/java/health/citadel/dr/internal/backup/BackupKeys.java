package health.citadel.dr.internal.backup;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipOutputStream;

/** A fresh backup key, as {@code bin/citadel up} generates one, and backups of no tables, for tests that write or read backups. */
final class BackupKeys {

    private BackupKeys() {
    }

    static Path generate(Path file) throws Exception {
        StreamingAeadConfig.register();
        return Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB),
                InsecureSecretKeyAccess.get()));
    }

    /** A backup of no tables, taken at {@code takenAt} by a release whose schemas stood at {@code versions}. */
    static Path backup(Path file, Path key, Instant takenAt, Map<String, String> versions) throws Exception {
        try (ZipOutputStream zip = BackupArchive.write(file, key)) {
            BackupArchive.entry(zip, BackupArchive.MANIFEST, new BackupManifest(BackupManifest.FORMAT, takenAt, "a", 3,
                    versions, List.of()).json());
        }
        return file;
    }
}
