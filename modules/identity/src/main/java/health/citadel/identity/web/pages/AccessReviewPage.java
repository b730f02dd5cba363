package health.citadel.identity.web.pages;

import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.internal.AccessReview;
import health.citadel.identity.internal.AccessReviewService;
import health.citadel.identity.internal.AccessReviews;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The access review, through the services behind {@code /api/v1/identity/access-review}: the latest report and its
 * findings, and for administrators a run now (audited).
 */
@Path("/access-review")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class AccessReviewPage {

    @Inject
    AccessReviews reviews;

    @Inject
    AccessReviewService service;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @RequiresPermission(Permission.REVIEW_ACCESS)
    public Page latest() {
        return page(reviews.latest(), false);
    }

    @POST
    @RequiresPermission(Permission.RUN_ACCESS_REVIEW)
    public Page run() {
        return page(Optional.of(service.runNow()), true);
    }

    private Page page(Optional<AccessReview> review, boolean ranNow) {
        Map<String, Object> model = new HashMap<>(Map.of("ranNow", ranNow,
                "mayRun", currentCaller.get().may(Permission.RUN_ACCESS_REVIEW), "reviewed", review.isPresent()));
        review.ifPresent(found -> model.put("review", found));
        return new Page("identity/access-review", model);
    }
}
