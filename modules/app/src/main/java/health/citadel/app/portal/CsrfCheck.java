package health.citadel.app.portal;

import health.citadel.platform.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * Refuses a state-changing page request whose form does not carry its session's CSRF token (field
 * {@value #FIELD}): a page of another site cannot read the token, so it cannot make the browser act for the person.
 */
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION - 100)
public class CsrfCheck implements ContainerRequestFilter {

    static final String FIELD = "csrf";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        // the servlet request's parameters, not the entity: Jakarta REST reads form fields from them too
        if (!SAFE.contains(request.getMethod()) && !PortalSession.of(servletRequest)
                .map(session -> session.csrfMatches(servletRequest.getParameter(FIELD))).orElse(false)) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN,
                    "the form is not from this session: reload the page and try again").toResponse());
        }
    }
}
