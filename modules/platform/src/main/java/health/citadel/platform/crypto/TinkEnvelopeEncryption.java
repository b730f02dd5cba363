package health.citadel.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Envelope encryption with Tink: AES-256-GCM data keys, each wrapped as an encrypted Tink keyset by the
 * key-encryption key, a local keyset's AEAD or a KMS's.
 */
final class TinkEnvelopeEncryption implements EnvelopeEncryption {

    private final Aead keyEncryptionKey;

    TinkEnvelopeEncryption(Aead keyEncryptionKey) {
        this.keyEncryptionKey = keyEncryptionKey;
    }

    static EnvelopeEncryption fromKeyset(Path keyset) {
        try {
            return new TinkEnvelopeEncryption(Keysets.read(keyset, "key-encryption")
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption keyset " + keyset + " is not an AEAD keyset");
        }
    }

    @Override
    public byte[] newWrappedDataKey(byte[] boundTo) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), keyEncryptionKey, boundTo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a data key: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public DataKey unwrap(byte[] wrapped, byte[] boundTo) {
        try {
            return new AeadDataKey(TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keyEncryptionKey, boundTo)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new UnreadableCiphertext("a data key does not unwrap for its owner");
        }
    }

    @Override
    public byte[] rewrap(byte[] wrapped, byte[] boundTo) {
        try {
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keyEncryptionKey, boundTo);
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keyEncryptionKey, boundTo);
        } catch (GeneralSecurityException e) {
            throw new UnreadableCiphertext("a data key does not unwrap for its owner");
        }
    }
}
