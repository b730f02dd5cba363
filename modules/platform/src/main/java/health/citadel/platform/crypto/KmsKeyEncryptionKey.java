package health.citadel.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClients;
import java.security.GeneralSecurityException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The key-encryption key held in a KMS, through Tink's KMS AEAD: every wrap and unwrap of a data key is a call to
 * the KMS. A call the KMS does not answer, or answers by refusing this instance (down, throttled, the key disabled or
 * gone, no permission), is an outage, {@link KeyServiceUnavailable}; only a ciphertext the KMS refuses stays a
 * failed decryption, so that a tampered wrapped key is still told from an outage. The log names the kind of failure
 * and never a message: the KMS's quote the key's ARN and the caller's role.
 */
final class KmsKeyEncryptionKey implements Aead {

    private static final Logger LOG = Logger.getLogger(KmsKeyEncryptionKey.class.getName());

    static {
        KmsClients.add(new AwsKms());
    }

    private final Aead remote;

    private KmsKeyEncryptionKey(Aead remote) {
        this.remote = remote;
    }

    /** The key {@code uri} names, through the first KMS client registered with Tink that supports it. */
    static Aead named(String uri) {
        // Tink's messages quote the URI, and with it the key's ARN: only its scheme is ever named
        String scheme = uri.substring(0, Math.max(0, uri.indexOf("://")));
        try {
            Aead remote = KmsClients.get(uri).getAead(uri);
            LOG.info(() -> "The key-encryption key is in a KMS (" + scheme + "): every wrap and unwrap is a call to it");
            return new KmsKeyEncryptionKey(remote);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the key-encryption key's URI names no key a KMS client here can reach ("
                    + scheme + ")");
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            return remote.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw unavailable("wrap", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        try {
            return remote.decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            if (AwsKms.refusedCiphertext(e)) {
                throw e;
            }
            throw unavailable("unwrap", e);
        } catch (RuntimeException e) {
            throw unavailable("unwrap", e);
        }
    }

    private static KeyServiceUnavailable unavailable(String operation, Exception e) {
        LOG.log(Level.WARNING, "The KMS did not {0} a data key ({1}): answered 503", new Object[] {operation, AwsKms.failure(e)});
        return new KeyServiceUnavailable();
    }
}
