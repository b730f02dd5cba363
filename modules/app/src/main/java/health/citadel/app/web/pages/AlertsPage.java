package health.citadel.app.web.pages;

import health.citadel.audit.api.Alerts;
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
import java.util.Map;

/** Suspicious activity the alert rules found, newest first, with the events that are its evidence. */
@Path("/audit/alerts")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class AlertsPage {

    private static final int SHOWN = 100;

    @Inject
    Alerts alerts;

    @GET
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    public Page recent() {
        return new Page("audit/alerts", Map.of("alerts", alerts.recent(0, SHOWN), "shown", SHOWN));
    }
}
