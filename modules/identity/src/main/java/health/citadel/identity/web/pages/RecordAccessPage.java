package health.citadel.identity.web.pages;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.internal.RecordAccessLog;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** "Who looked at my record", for the patient: the log behind {@code GET /api/v1/me/record-access}. */
@Path("/my-record/access")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class RecordAccessPage {

    private static final int PAGE_SIZE = 50;

    @Inject
    RecordAccessLog log;

    @GET
    @RequiresPermission(Permission.READ_OWN_ACCESS_LOG)
    public Page accesses(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page) {
        return new Page("identity/record-access", Map.of("log", log.accesses(page, PAGE_SIZE)));
    }
}
