package health.citadel.platform.problem;

import jakarta.ws.rs.core.Response;

/**
 * A request we refuse for a reason we can tell the caller: the detail is written by us, names parameters or
 * states, and never quotes request data. (JAX-RS's own exceptions may quote the URL, so their messages are
 * never shown.)
 */
public class RequestRefused extends RuntimeException {

    private final Response.Status status;

    public RequestRefused(Response.Status status, String detail) {
        super(detail);
        this.status = status;
    }

    public static RequestRefused badRequest(String detail) {
        return new RequestRefused(Response.Status.BAD_REQUEST, detail);
    }

    public static RequestRefused forbidden(String detail) {
        return new RequestRefused(Response.Status.FORBIDDEN, detail);
    }

    public static RequestRefused notFound(String detail) {
        return new RequestRefused(Response.Status.NOT_FOUND, detail);
    }

    public static RequestRefused conflict(String detail) {
        return new RequestRefused(Response.Status.CONFLICT, detail);
    }

    public Response.Status status() {
        return status;
    }

    Problem toProblem() {
        return Problem.of(status, getMessage());
    }
}
