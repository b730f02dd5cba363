package health.citadel.bench;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * A staff member's authenticator app. Keycloak takes each code of a person once, whichever client asks, so the
 * API's sign-in and the portal's share one authenticator per person and never present a code twice.
 */
final class Authenticator {

    private static final long TOTP_PERIOD_SECONDS = 30;

    private final String base32Secret;
    private long spentStep = -1;

    Authenticator(String base32Secret) {
        this.base32Secret = base32Secret;
    }

    /** The current code once a code not presented before is due: waits at most one period. */
    synchronized String unspentCode() {
        try {
            while (Instant.now().getEpochSecond() / TOTP_PERIOD_SECONDS <= spentStep) {
                Thread.sleep(250);
            }
            spentStep = Instant.now().getEpochSecond() / TOTP_PERIOD_SECONDS;
            var generator = new TimeBasedOneTimePasswordGenerator();
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), generator.getAlgorithm()), Instant.now());
        } catch (InvalidKeyException e) {
            throw new BenchFailure("a demo login's TOTP secret is not a key", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }
}
