package health.citadel.platform.problem;

import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Reading a request body past the largest one taken: whoever reads it fails with this, and the request is answered
 * 413 as a problem document (by the JSON check, or by {@link ProblemMappers.Unexpected} for any other reader).
 */
public class BodyTooLarge extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLarge(long limit) {
        super(detail(limit));
    }

    /** The detail a refusal gives: the limit, nothing of the request. */
    public static String detail(long limit) {
        return "a request body may have at most " + limit + " bytes";
    }

    public Problem problem() {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, getMessage());
    }
}
