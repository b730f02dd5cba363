package health.citadel.platform.crypto;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;

/** An AES-256-GCM data key, through Tink's AEAD primitive. */
final class AeadDataKey implements DataKey {

    private final Aead aead;

    AeadDataKey(Aead aead) {
        this.aead = aead;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] boundTo) {
        try {
            return aead.encrypt(plaintext, boundTo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] boundTo) {
        try {
            return aead.decrypt(ciphertext, boundTo);
        } catch (GeneralSecurityException e) {
            throw new UnreadableCiphertext("a value does not decrypt for the row it is stored in");
        }
    }
}
