package health.citadel.platform.crypto;

/**
 * A ciphertext that does not decrypt with its key and its binding: tampered, copied from another row, or
 * encrypted under a destroyed key. It says which, never what.
 */
public class UnreadableCiphertext extends RuntimeException {

    public UnreadableCiphertext(String what) {
        super(what);
    }
}
