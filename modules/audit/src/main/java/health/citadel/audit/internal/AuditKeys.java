package health.citadel.audit.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.logging.Logger;
import org.conscrypt.Conscrypt;

/**
 * The Ed25519 keys that seal events and sign checkpoints. The private keyset is a secret the application
 * reads from a file (a mounted secret in production), never from the database; verifying needs only the
 * public keyset, so auditors and DBAs can check the log without being able to forge it.
 */
public final class AuditKeys {

    private static final Logger LOG = Logger.getLogger(AuditKeys.class.getName());
    private static boolean conscryptTried;

    private final PublicKeySign signer;
    private final PublicKeyVerify verifier;

    private AuditKeys(PublicKeySign signer, PublicKeyVerify verifier) {
        this.signer = signer;
        this.verifier = verifier;
    }

    /** The application's keys, from the private keyset. */
    public static AuditKeys forSigning(Path privateKeyset) {
        try {
            preferConscrypt();
            SignatureConfig.register();
            KeysetHandle keys = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(privateKeyset),
                    InsecureSecretKeyAccess.get());
            return new AuditKeys(keys.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class),
                    keys.getPublicKeysetHandle().getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the audit signing keyset " + privateKeyset, e);
        }
    }

    /** Keys that can only verify, from the public keyset. */
    public static AuditKeys forVerifying(Path publicKeyset) {
        try {
            preferConscrypt();
            SignatureConfig.register();
            KeysetHandle keys = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(Files.readString(publicKeyset));
            return new AuditKeys(null, keys.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the audit public keyset " + publicKeyset, e);
        }
    }

    /**
     * Tink signs and verifies Ed25519 through Conscrypt (BoringSSL) when that provider is installed: about four
     * times faster than its own Java arithmetic, which was most of the CPU of recording an event and of checking
     * a chain. Added last, so it serves only who asks for it by name. Where its native library cannot load, Tink's
     * own implementation makes the same signatures.
     */
    private static synchronized void preferConscrypt() {
        if (conscryptTried) {
            return;
        }
        conscryptTried = true;
        if (Security.getProvider("Conscrypt") != null) {
            return;
        }
        if (Conscrypt.isAvailable()) {
            Security.addProvider(Conscrypt.newProvider());
        } else {
            LOG.warning("Conscrypt's native library does not load here: audit seals are made and checked by Tink's "
                    + "slower Java Ed25519");
        }
    }

    byte[] sign(byte[] data) {
        if (signer == null) {
            throw new IllegalStateException("these audit keys can only verify");
        }
        try {
            return signer.sign(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit record", e);
        }
    }

    boolean verifies(byte[] signature, byte[] data) {
        try {
            verifier.verify(signature, data);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
