package health.citadel.localstack;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The local stack's Tink keysets, each made on the first {@code up} and kept owner-only under {@code keys/}:
 * <ul>
 *   <li>the chart's key-encryption key, which wraps each patient's data key, and its separate blind-index key;</li>
 *   <li>the audit signing key (Ed25519), whose public half is for anyone who verifies the log;</li>
 *   <li>the backup key {@code bin/citadel dr backup} encrypts with: keep a copy apart from the backups, which
 *       are unreadable without it, as they should be.</li>
 * </ul>
 * Production mounts each from a secret store.
 */
final class StackKeysets {

    private StackKeysets() {
    }

    static Path recordsKeyEncryption(StackHome home) {
        return home.keys().resolve("records-kek.json");
    }

    static Path recordsBlindIndex(StackHome home) {
        return home.keys().resolve("records-blind-index.json");
    }

    static Path auditSigning(StackHome home) {
        return home.keys().resolve("audit-signing.json");
    }

    static Path auditSigningPublic(StackHome home) {
        return home.keys().resolve("audit-signing.public.json");
    }

    static Path backup(StackHome home) {
        return home.keys().resolve("dr-backup.json");
    }

    /** Makes every keyset that is missing; one already there is kept, since data depends on it. */
    static void ensure(StackHome home) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            SignatureConfig.register();
            StreamingAeadConfig.register();
            ensure(recordsKeyEncryption(home), PredefinedAeadParameters.AES256_GCM);
            ensure(recordsBlindIndex(home), PredefinedPrfParameters.HMAC_SHA256_PRF);
            ensure(backup(home), PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            ensureAuditSigning(home);
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("cannot create the stack's keys in " + home.keys() + ": " + e.getMessage(), e);
        }
    }

    private static void ensure(Path keyset, Parameters parameters) throws GeneralSecurityException {
        if (!Files.isRegularFile(keyset)) {
            write(keyset, KeysetHandle.generateNew(parameters));
        }
    }

    private static void ensureAuditSigning(StackHome home) throws IOException, GeneralSecurityException {
        Path keyset = auditSigning(home);
        Path published = auditSigningPublic(home);
        if (Files.isRegularFile(keyset)) {
            if (!Files.isRegularFile(published)) {
                throw new StackException(StackHome.corrupt(published, "is missing beside its private keyset"));
            }
            return;
        }
        KeysetHandle keys = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
        write(keyset, keys);
        Files.writeString(published, TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(keys.getPublicKeysetHandle()));
    }

    private static void write(Path keyset, KeysetHandle keys) throws GeneralSecurityException {
        StackHome.writeSecretFile(keyset, TinkJsonProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get()));
    }
}
