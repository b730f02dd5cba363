package health.citadel.platform.crypto;

import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.core.Response;

/**
 * The KMS that holds the key-encryption key did not wrap or unwrap a data key: it is down, throttling, or refuses
 * this instance. A client may retry (503 with Retry-After); the detail names neither the key nor the KMS's answer.
 */
public final class KeyServiceUnavailable extends RequestRefused {

    KeyServiceUnavailable() {
        super(Response.Status.SERVICE_UNAVAILABLE, "the key service cannot wrap or unwrap keys now: retry after the time given");
    }
}
