package health.citadel.app.portal;

import health.citadel.identity.api.StepUpRequired;
import health.citadel.platform.page.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/**
 * The portal's answer where the API would challenge for a recent second factor: a page asked for is reached
 * through Keycloak's login again (password and code) and shown after it; a form posted is not replayed, it gets
 * a page that offers the same login and returns to the form.
 */
@ApplicationScoped
public class StepUpLogin implements ExceptionMapper<StepUpRequired> {

    @Inject
    SignIn signIn;

    @Inject
    HttpServletRequest servletRequest;

    @Override
    public Response toResponse(StepUpRequired e) {
        // the address holds ids only (searches by name or birth date are posted), so it may travel through the login
        String page = servletRequest.getRequestURI();
        if (HttpMethod.GET.equals(servletRequest.getMethod())) {
            return Response.seeOther(signIn.begin(servletRequest, page, true)).build();
        }
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_HTML_TYPE)
                .entity(new Page("portal/step-up", Map.of("returnTo", page))).build();
    }
}
