package health.citadel.app.web.pages;

import health.citadel.identity.api.AccessOversight;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;

/** The latest automated access review's findings: dormant accounts, staff without OTP, conflicting roles… */
@Path("/audit/access-review")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class AccessReviewPage {

    @Inject
    AccessOversight oversight;

    @GET
    @RequiresPermission(Permission.REVIEW_ACCESS)
    public Page latest() {
        Map<String, Object> model = new HashMap<>();
        oversight.latestAccessReview().ifPresent(report -> model.put("report", report));
        return new Page("audit/access-review", model);
    }
}
