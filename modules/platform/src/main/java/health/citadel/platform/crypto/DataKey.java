package health.citadel.platform.crypto;

/** One subject's data key, unwrapped, for the length of one operation. */
public interface DataKey {

    /** @param boundTo where the value lives (table, column, row), checked again on every decryption */
    byte[] encrypt(byte[] plaintext, byte[] boundTo);

    /** @throws UnreadableCiphertext if the value was not encrypted with this key for {@code boundTo} */
    byte[] decrypt(byte[] ciphertext, byte[] boundTo);
}
