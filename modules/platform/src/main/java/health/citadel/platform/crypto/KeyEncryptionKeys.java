package health.citadel.platform.crypto;

import java.nio.file.Path;

/**
 * Where the key-encryption key comes from: a Tink keyset file mounted as a secret, or a key in a KMS that never
 * leaves it. The application chooses one by its configuration; the benchmark's no-op cipher replaces both (a CDI
 * alternative). The code that encrypts does not change.
 */
public interface KeyEncryptionKeys {

    /**
     * The envelope encryption under the key as it stands now: at start, and again before a key-encryption-key
     * rotation wraps every data key anew. A keyset file is read again, so that its new primary key wraps from then
     * on; a KMS key stays the same key, whose material the KMS rotates itself behind its name.
     */
    EnvelopeEncryption load();

    /** The file's primary key wraps, any of its keys unwraps (for rotation). */
    static KeyEncryptionKeys keysetFile(Path keyset) {
        return () -> EnvelopeEncryption.fromKeyset(keyset);
    }

    /**
     * The key a KMS holds, by its Tink URI ({@code aws-kms://arn:aws:kms:<region>:<account>:key/<id>}): every wrap
     * and unwrap is a call to the KMS, and one it does not answer is {@link KeyServiceUnavailable}.
     */
    static KeyEncryptionKeys kms(String uri) {
        EnvelopeEncryption envelope = new TinkEnvelopeEncryption(KmsKeyEncryptionKey.named(uri));
        return () -> envelope;
    }
}
