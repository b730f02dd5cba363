package health.citadel.app.portal;

import health.citadel.platform.page.Page;
import health.citadel.platform.page.PageWriter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The ends of a login, outside the pages' permission check because nobody is signed in yet at the first:
 * Keycloak's answer ({@code GET /portal/session/callback}), a step-up asked for from a page
 * ({@code GET /portal/session/step-up?return=/portal/...}), and the logout ({@code POST /portal/session/logout},
 * with the session's CSRF token), which answers with a page of its own rather than a redirect: the CSP's
 * {@code form-action 'self'} would stop a redirect from there to Keycloak's login.
 */
@WebServlet("/portal/session/*")
public class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SignIn signIn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/step-up".equals(request.getPathInfo())) {
            // only the portal's own pages are returned to (SignIn checks), so this sends nobody elsewhere
            response.sendRedirect(signIn.begin(request, request.getParameter("return"), true).toString());
            return;
        }
        if (!"/callback".equals(request.getPathInfo())) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<String> returnTo;
        try {
            returnTo = signIn.finish(request);
        } catch (KeycloakUnavailable e) {
            refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (returnTo.isEmpty()) {
            // another browser's answer, a replayed one or a refused code: nothing is signed in, start again
            refuse(response, HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.sendRedirect(returnTo.get());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/logout".equals(request.getPathInfo())) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!PortalSession.of(request).map(session -> session.csrfMatches(request.getParameter(CsrfCheck.FIELD)))
                .orElse(false)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        boolean keycloakSessionEnded;
        try {
            keycloakSessionEnded = signIn.end(request);
        } catch (KeycloakUnavailable e) {
            keycloakSessionEnded = false;
        }
        response.setContentType("text/html;charset=UTF-8");
        PageWriter.render(new Page("portal/signed-out", Map.of("keycloakSessionEnded", keycloakSessionEnded)),
                response.getWriter());
    }

    private static void refuse(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        PageWriter.render(new Page("portal/problem", Map.of("problem", PortalFrame.problem(status))),
                response.getWriter());
    }
}
