package health.citadel.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Envelope encryption with Tink: every subject (a patient) has its own AES-256-GCM data key, stored only
 * wrapped by the key-encryption key. The key-encryption key comes from a secret file and never reaches the
 * database, so a copy of the database alone decrypts nothing; destroying one wrapped data key makes every copy
 * of that subject's values unreadable (crypto-shredding).
 */
public final class EnvelopeEncryption {

    private final Aead keyEncryptionKey;

    private EnvelopeEncryption(Aead keyEncryptionKey) {
        this.keyEncryptionKey = keyEncryptionKey;
    }

    /** @param keyset an AEAD keyset; its primary key wraps, any of its keys unwraps (for rotation) */
    public static EnvelopeEncryption fromKeyset(Path keyset) {
        try {
            return new EnvelopeEncryption(Keysets.read(keyset, "key-encryption")
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption keyset " + keyset + " is not an AEAD keyset");
        }
    }

    /** A fresh data key, wrapped; {@code boundTo} names its owner, so a wrapped key cannot be moved to another. */
    public byte[] newWrappedDataKey(byte[] boundTo) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), keyEncryptionKey, boundTo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a data key: " + e.getClass().getSimpleName());
        }
    }

    public DataKey unwrap(byte[] wrapped, byte[] boundTo) {
        try {
            return new DataKey(TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keyEncryptionKey, boundTo)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new UnreadableCiphertext("a data key does not unwrap for its owner");
        }
    }
}
