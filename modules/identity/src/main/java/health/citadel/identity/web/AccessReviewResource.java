package health.citadel.identity.web;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.internal.AccessReview;
import health.citadel.identity.internal.AccessReviewService;
import health.citadel.identity.internal.AccessReviews;
import health.citadel.platform.problem.RequestRefused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The automated review of who holds which access: its latest report, and a run on demand. */
@Path("/v1/identity/access-review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccessReviewResource {

    @Inject
    AccessReviews reviews;

    @Inject
    AccessReviewService service;

    @GET
    @RequiresPermission(Permission.REVIEW_ACCESS)
    @Operation(summary = "The latest access review", description = "Dormant accounts, staff without OTP, conflicting "
            + "roles and overdue break-the-glass reviews, as the latest run found them. 404 before the first run.")
    public AccessReview latest() {
        return reviews.latest().orElseThrow(() -> RequestRefused.notFound("no access review has run yet"));
    }

    @POST
    @RequiresPermission(Permission.RUN_ACCESS_REVIEW)
    @Operation(summary = "Run the access review now", description = "Reads the identity provider's realm and returns "
            + "the new report; 503 when the identity provider cannot be read. Audited.")
    public AccessReview run() {
        return service.runNow();
    }
}
