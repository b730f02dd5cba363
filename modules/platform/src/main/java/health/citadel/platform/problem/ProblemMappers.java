package health.citadel.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Turns every failure into a problem document that carries no request data. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    /** Refusals we explain: their detail is ours. */
    @Provider
    public static final class Refusals implements ExceptionMapper<RequestRefused> {
        @Override
        public Response toResponse(RequestRefused e) {
            return e.toProblem().toResponse();
        }
    }

    /**
     * Client and routing errors of the JAX-RS runtime keep their status; their message, which may quote the
     * URL, is dropped.
     */
    @Provider
    public static final class HttpErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            Response problem = Problem.of(original.getStatusInfo(), null).toResponse();
            original.getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(value -> problem.getHeaders().add(name, value));
                }
            });
            return problem;
        }
    }

    /** Bean Validation failures name the invalid fields, never their values. */
    @Provider
    public static final class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            String fields = e.getConstraintViolations().stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .sorted()
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("invalid input");
            return Problem.of(Response.Status.BAD_REQUEST, fields).toResponse();
        }
    }

    /**
     * A body that does not bind to the request's fields: an unknown field, or a value of the wrong type. The
     * binder's message may quote the body, so only the field's path is taken from it ({@link BindingFailure}).
     */
    @Provider
    public static final class UnreadableBody implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.of(Response.Status.BAD_REQUEST, BindingFailure.detail(e.getMessage())).toResponse();
        }
    }

    /**
     * Anything unexpected answers 500 with an incident id; a dependency's outage ({@link DependencyOutage}) 503, which
     * a client may retry. The log gets the exception type and the id only: exception messages may quote data, hosts
     * or SQL.
     */
    @Provider
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
        private static final int FRAMES_LOGGED = 12;

        @Override
        public Response toResponse(Throwable e) {
            // a body reader other than the JSON check's (a form's) met the body limit
            for (Throwable cause : Causes.of(e)) {
                if (cause instanceof BodyTooLarge tooLarge) {
                    return tooLarge.problem().toResponse();
                }
            }
            if (DependencyOutage.causedBy(e)) {
                LOG.log(Level.WARNING, "The database is unavailable ({0}): answered 503", e.getClass().getName());
                return Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                        "the database is unavailable for a moment: retry after the time given").toResponse();
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unhandled {0}, incident {1}, thrown at {2}", new Object[] {causes(e), incident,
                    whereThrown(e)});
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "incident " + incident).toResponse();
        }

        /** The exception's type and its causes' types, outermost first: enough to find the bug, no message. */
        static String causes(Throwable e) {
            return Causes.of(e).stream().map(cause -> cause.getClass().getName()).collect(Collectors.joining(" < "));
        }

        /**
         * The innermost cause's first frames, as class, method and line: where a bug is, without any message (which
         * may quote data), now that no first-failure incident file keeps the stack (bootstrap.properties).
         */
        static String whereThrown(Throwable e) {
            List<Throwable> chain = Causes.of(e);
            return Arrays.stream(chain.get(chain.size() - 1).getStackTrace()).limit(FRAMES_LOGGED)
                    .map(frame -> frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber())
                    .collect(Collectors.joining(" < "));
        }
    }
}
