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

    /** A subject's data key and its replacement, for re-encrypting every value from one to the other. */
    public record Replacement(DataKey previous, DataKey next, byte[] nextWrapped) {

        /** The value decrypted with the previous key and encrypted again with the next, under the same binding. */
        public byte[] reencrypt(byte[] ciphertext, byte[] boundTo) {
            return next.encrypt(previous.decrypt(ciphertext, boundTo), boundTo);
        }
    }

    /** Data-key rotation: a fresh data key for the same owner, beside the one it replaces. */
    public Replacement replaceDataKey(byte[] wrapped, byte[] boundTo) {
        byte[] nextWrapped = newWrappedDataKey(boundTo);
        return new Replacement(unwrap(wrapped, boundTo), unwrap(nextWrapped, boundTo), nextWrapped);
    }

    /** Key-encryption-key rotation: the same data key, wrapped again under the current primary key. */
    public byte[] rewrap(byte[] wrapped, byte[] boundTo) {
        try {
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keyEncryptionKey, boundTo);
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keyEncryptionKey, boundTo);
        } catch (GeneralSecurityException e) {
            throw new UnreadableCiphertext("a data key does not unwrap for its owner");
        }
    }
}
