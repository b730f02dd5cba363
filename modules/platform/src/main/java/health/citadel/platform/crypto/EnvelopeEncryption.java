package health.citadel.platform.crypto;

import java.nio.file.Path;

/**
 * Envelope encryption: every subject (a patient) has its own data key, stored only wrapped by the
 * key-encryption key. The key-encryption key never reaches the database, so a copy of the database alone
 * decrypts nothing; destroying one wrapped data key makes every copy of that subject's values unreadable
 * (crypto-shredding).
 */
public interface EnvelopeEncryption {

    /** Tink AES-256-GCM; {@code keyset}'s primary key wraps, any of its keys unwraps (for rotation). */
    static EnvelopeEncryption fromKeyset(Path keyset) {
        return TinkEnvelopeEncryption.fromKeyset(keyset);
    }

    /** A fresh data key, wrapped; {@code boundTo} names its owner, so a wrapped key cannot be moved to another. */
    byte[] newWrappedDataKey(byte[] boundTo);

    DataKey unwrap(byte[] wrapped, byte[] boundTo);

    /** Key-encryption-key rotation: the same data key, wrapped again under the current primary key. */
    byte[] rewrap(byte[] wrapped, byte[] boundTo);

    /** Data-key rotation: a fresh data key for the same owner, beside the one it replaces. */
    default Replacement replaceDataKey(byte[] wrapped, byte[] boundTo) {
        byte[] nextWrapped = newWrappedDataKey(boundTo);
        return new Replacement(unwrap(wrapped, boundTo), unwrap(nextWrapped, boundTo), nextWrapped);
    }

    /** A subject's data key and its replacement, for re-encrypting every value from one to the other. */
    record Replacement(DataKey previous, DataKey next, byte[] nextWrapped) {

        /** The value decrypted with the previous key and encrypted again with the next, under the same binding. */
        public byte[] reencrypt(byte[] ciphertext, byte[] boundTo) {
            return next.encrypt(previous.decrypt(ciphertext, boundTo), boundTo);
        }
    }
}
