package health.citadel.identity.web;

import health.citadel.identity.api.StepUpRequired;
import health.citadel.platform.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The RFC 9470 step-up challenge: log in again with the second factor, then retry. */
@Provider
public class StepUpChallenge implements ExceptionMapper<StepUpRequired> {

    static final String CHALLENGE = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"A recent second factor is required\", acr_values=\"mfa\"";

    @Override
    public Response toResponse(StepUpRequired e) {
        Response problem = Problem.of(Response.Status.UNAUTHORIZED, e.getMessage()).toResponse();
        problem.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        return problem;
    }
}
