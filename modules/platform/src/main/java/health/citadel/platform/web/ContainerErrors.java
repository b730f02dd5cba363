package health.citadel.platform.web;

import health.citadel.platform.problem.Problem;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The answer to every error the container itself makes (an address nothing serves, a method it does not take, a
 * request its security constraints refuse), as the same problem document the API answers with, in place of
 * Liberty's HTML page. Nothing of the request is quoted: the title is the status's own phrase. A request without a
 * valid token counts against its address's {@link UnauthenticatedRequests} allowance, and beyond it is answered
 * 429 with {@code Retry-After}; within it, a refused bearer token is told as {@link BearerTokenRefused}, so that its
 * refusal is logged with a reason (never beyond the allowance: a flood of junk tokens floods no log).
 */
public class ContainerErrors extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UnauthenticatedRequests unauthenticated;

    @Inject
    transient Event<BearerTokenRefused> refusedTokens;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given && given >= 400 ? given : HttpServletResponse.SC_NOT_FOUND;
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            Optional<Duration> wait = unauthenticated.refused(request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = RateLimits.seconds(wait.get());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                write(response, Response.Status.TOO_MANY_REQUESTS.getStatusCode(),
                        "too many requests without a valid token from this address: try again in " + seconds + " s");
                return;
            }
            BearerTokenRefused refused = BearerTokenRefused.of(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (refused != null) {
                refusedTokens.fire(refused);
            }
        }
        write(response, status, null);
    }

    /** A problem document with the status's own phrase as its title and, if given, our own detail. */
    static void write(HttpServletResponse response, int status, String detail) throws IOException {
        Response.Status known = Response.Status.fromStatusCode(status);
        JsonObjectBuilder problem = Json.createObjectBuilder().add("type", "about:blank")
                .add("title", known == null ? "Error" : known.getReasonPhrase()).add("status", status);
        if (detail != null) {
            problem.add("detail", detail);
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", Problem.RETRY_AFTER_SECONDS);
        }
        try (Writer body = response.getWriter()) {
            body.write(problem.build().toString());
        }
    }
}
