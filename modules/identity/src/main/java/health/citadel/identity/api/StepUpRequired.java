package health.citadel.identity.api;

/**
 * Thrown where an operation needs a recent second factor the token does not prove. The API answers 401 with
 * {@code WWW-Authenticate: Bearer error="insufficient_user_authentication", acr_values="mfa"} (RFC 9470).
 */
public class StepUpRequired extends RuntimeException {

    public StepUpRequired() {
        super("this operation needs a recent second factor");
    }
}
