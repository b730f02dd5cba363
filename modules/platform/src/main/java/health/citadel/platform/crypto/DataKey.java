package health.citadel.platform.crypto;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;

/** One subject's AES-256-GCM data key, unwrapped, for the length of one operation. */
public final class DataKey {

    private final Aead aead;

    DataKey(Aead aead) {
        this.aead = aead;
    }

    /** @param boundTo where the value lives (table, column, row), checked again on every decryption */
    public byte[] encrypt(byte[] plaintext, byte[] boundTo) {
        try {
            return aead.encrypt(plaintext, boundTo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed: " + e.getClass().getSimpleName());
        }
    }

    public byte[] decrypt(byte[] ciphertext, byte[] boundTo) {
        try {
            return aead.decrypt(ciphertext, boundTo);
        } catch (GeneralSecurityException e) {
            throw new UnreadableCiphertext("a value does not decrypt for the row it is stored in");
        }
    }
}
