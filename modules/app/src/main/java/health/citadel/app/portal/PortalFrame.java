package health.citadel.app.portal;

import health.citadel.identity.api.CurrentCaller;
import health.citadel.platform.page.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the frame around every page, whichever module rendered it: who is signed in, the navigation their
 * permissions allow, and the logout form with the session's CSRF token. Any error answer (a problem document of
 * the API's mappers, a denial of the permission check) becomes a page that says what happened and what to do
 * next, never a stack trace or the request's data.
 */
@ApplicationScoped
public class PortalFrame implements ContainerResponseFilter {

    /** What the frame shows: the person's name, their tasks and the session's CSRF token. */
    record Frame(String person, List<PortalTasks.Task> tasks, String csrf) {
    }

    /** A designed error page: its title and what to do next. */
    record ErrorPage(int status, String title, String advice) {
    }

    @Inject
    CurrentCaller currentCaller;

    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Page page = response.getEntity() instanceof Page shown ? shown : response.getStatus() >= 400
                ? new Page("portal/problem", Map.of("problem", problem(response.getStatus()))) : null;
        if (page == null) {
            return;
        }
        Map<String, Object> frame = new HashMap<>();
        if (request.getSecurityContext().getUserPrincipal() instanceof VerifiedToken token) {
            List<PortalTasks.Task> tasks = currentCaller.authorized().map(PortalTasks::allowedTo).orElse(List.of());
            String csrf = PortalSession.of(servletRequest).map(PortalSession::csrfToken).orElse("");
            frame.put("frame", new Frame(token.displayName(), tasks, csrf));
        }
        response.setEntity(page.with(frame), null, MediaType.TEXT_HTML_TYPE);
    }

    static ErrorPage problem(int status) {
        return switch (status) {
            case 403 -> new ErrorPage(status, "You may not do this",
                    "Your role does not allow this page or this patient. If you need it for care, ask your administrator.");
            case 404 -> new ErrorPage(status, "Page not found", "Check the address, or go back to the portal's home.");
            case 409 -> new ErrorPage(status, "This conflicts with the record as it is now",
                    "Someone else changed it, or it is in a state that does not allow this. Reload the page, check "
                            + "what it shows now, then try again.");
            case 412 -> new ErrorPage(status, "Changed by someone else meanwhile",
                    "Nothing of yours was saved. Reload the page to see the current version, then make your change again.");
            case 429 -> new ErrorPage(status, "Too many requests", "Wait a few seconds, then try again.");
            case 503 -> new ErrorPage(status, "Citadel is briefly unavailable",
                    "A service it depends on does not answer. Nothing was changed; try again in a minute.");
            default -> status >= 500
                    ? new ErrorPage(status, "Something went wrong", "Try again in a minute. If it keeps happening, call "
                            + "the service desk and give them the time it happened.")
                    : new ErrorPage(status, "This request could not be served", "Go back to the portal's home and try again.");
        };
    }
}
