package health.citadel.localstack;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The local stack's audit signing key: an Ed25519 Tink keyset made on the first {@code up}. The private
 * keyset is owner-only and goes to Liberty; the public one is for anyone who verifies the log.
 */
final class AuditKeysets {

    private AuditKeysets() {
    }

    static Path privateKeyset(StackHome home) {
        return home.keys().resolve("audit-signing.json");
    }

    static Path publicKeyset(StackHome home) {
        return home.keys().resolve("audit-signing.public.json");
    }

    /** The application's checkpoint witness; in production it lives on storage the DBAs do not administer. */
    static Path witnessFile(StackHome home) {
        return home.root().resolve("audit-witness.jsonl");
    }

    static void ensure(StackHome home) {
        if (Files.isRegularFile(privateKeyset(home))) {
            if (!Files.isRegularFile(publicKeyset(home))) {
                throw new StackException(StackHome.corrupt(publicKeyset(home), "is missing beside its private keyset"));
            }
            return;
        }
        try {
            SignatureConfig.register();
            KeysetHandle keys = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
            StackHome.writeSecretFile(privateKeyset(home),
                    TinkJsonProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get()));
            Files.writeString(publicKeyset(home),
                    TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(keys.getPublicKeysetHandle()));
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("cannot create the audit signing key: " + e.getMessage(), e);
        }
    }
}
