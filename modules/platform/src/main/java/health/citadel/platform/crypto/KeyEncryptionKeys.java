package health.citadel.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/**
 * Where the key-encryption key comes from: a mounted keyset file. A KMS-backed deployment replaces this bean
 * (a CDI alternative), and so does the benchmark's no-op cipher; the code that encrypts does not change.
 */
@ApplicationScoped
public class KeyEncryptionKeys {

    public EnvelopeEncryption load(Path keyset) {
        return EnvelopeEncryption.fromKeyset(keyset);
    }
}
