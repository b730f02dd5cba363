package health.citadel.platform.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document. Titles and details are written by us, never copied from an exception
 * or a request, so no patient data can leak through an error.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    /** How long a client should wait before retrying a 503: a switchover's or a reconnection's few seconds. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /** The answer, with {@code Retry-After} where the service is unavailable for a moment. */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
