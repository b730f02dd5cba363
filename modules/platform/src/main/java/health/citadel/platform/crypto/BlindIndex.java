package health.citadel.platform.crypto;

import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Keyed blind indexes (HMAC-SHA256 as a Tink PRF) for exact-match search over encrypted values. The key is
 * separate from the encryption keys, so an index reveals only equality, and only to whoever holds the key.
 */
public final class BlindIndex {

    private static final int LENGTH = 32;

    private final PrfSet prf;

    private BlindIndex(PrfSet prf) {
        this.prf = prf;
    }

    public static BlindIndex fromKeyset(Path keyset) {
        try {
            return new BlindIndex(Keysets.read(keyset, "blind-index").getPrimitive(RegistryConfiguration.get(), PrfSet.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the blind-index keyset " + keyset + " is not a PRF keyset");
        }
    }

    /**
     * @param purpose what is indexed, e.g. {@code patient.mrn}, so equal values of different kinds never match
     * @param value   the value, already normalized by the caller
     */
    public byte[] of(String purpose, String value) {
        try {
            return prf.computePrimary((purpose + '\u0000' + value).getBytes(StandardCharsets.UTF_8), LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute a blind index: " + e.getClass().getSimpleName());
        }
    }
}
