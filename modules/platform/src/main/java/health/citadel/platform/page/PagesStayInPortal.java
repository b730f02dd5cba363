package health.citadel.platform.page;

import health.citadel.platform.problem.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps the portal's pages out of the API. The API application finds every resource class of the WAR, pages
 * included; a page reached there would have no session and no CSRF check, so it answers 404.
 */
@Provider
public class PagesStayInPortal implements DynamicFeature {

    static final String PORTAL_PATH = "/portal/";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceClass().isAnnotationPresent(PortalPage.class)) {
            context.register((ContainerRequestFilter) request -> {
                if (!PORTAL_PATH.equals(request.getUriInfo().getBaseUri().getPath())) {
                    request.abortWith(Problem.of(Response.Status.NOT_FOUND, null).toResponse());
                }
            }, Priorities.AUTHENTICATION - 200);
        }
    }
}
