package health.citadel.app.portal;

import health.citadel.app.web.pages.OversightPages;
import health.citadel.dr.api.DrPages;
import health.citadel.identity.api.Authorization;
import health.citadel.identity.api.IdentityPages;
import health.citadel.platform.page.PageWriter;
import health.citadel.platform.problem.ProblemMappers;
import health.citadel.platform.web.RateLimits;
import health.citadel.platform.web.RequestIds;
import health.citadel.platform.web.RouteTemplates;
import health.citadel.records.api.RecordPages;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * The web portal: server-side pages for a browser signed in through Keycloak. It lists its classes, so that the
 * API's resources are not served here too; its pages go through the API's own permission check
 * ({@link Authorization}), request ids, rate limits and error mappers.
 */
@ApplicationPath("/portal")
public class PortalApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(Set.of(HomePage.class,
                SignedInCaller.class, CsrfCheck.class, PortalFrame.class, StepUpLogin.class, PageWriter.class,
                RequestIds.class, RouteTemplates.class, RateLimits.class,
                ProblemMappers.Refusals.class, ProblemMappers.HttpErrors.class, ProblemMappers.InvalidInput.class,
                ProblemMappers.UnreadableBody.class, ProblemMappers.Unexpected.class));
        classes.addAll(Authorization.providers());
        classes.addAll(RecordPages.resources());
        classes.addAll(IdentityPages.resources());
        classes.addAll(DrPages.resources());
        classes.addAll(OversightPages.RESOURCES);
        return classes;
    }
}
