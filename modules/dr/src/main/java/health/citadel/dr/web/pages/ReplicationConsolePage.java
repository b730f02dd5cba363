package health.citadel.dr.web.pages;

import health.citadel.dr.api.DisasterRecovery;
import health.citadel.dr.api.ReplicationMonitor;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;

/**
 * The DBA console: replication as {@code GET /api/v1/dr/status} probes it, re-read every few seconds by
 * {@code /static/dr-console.js} from {@code /portal/dr/status} (without script, the page's own probe and a link
 * to probe again); the regions compared; the operation journal; and the way to each DR change.
 */
@Path("/dr")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class ReplicationConsolePage {

    private static final int JOURNAL_SHOWN = 50;

    @Inject
    ReplicationMonitor monitor;

    @Inject
    DisasterRecovery recovery;

    @Inject
    CurrentCaller caller;

    @GET
    @RequiresPermission(Permission.VIEW_REPLICATION)
    public Page console() {
        Map<String, Object> model = status();
        model.put("regions", recovery.regions());
        model.put("mayRun", caller.get().may(Permission.RUN_DR));
        return new Page("dr/console", model);
    }

    /** The status panel alone, for the console's script to swap in. */
    @GET
    @Path("/status")
    @RequiresPermission(Permission.VIEW_REPLICATION)
    public Page panel() {
        return new Page("dr/status", status());
    }

    @GET
    @Path("/verify")
    @RequiresPermission(Permission.VIEW_REPLICATION)
    public Response compare() {
        Map<String, Object> model = new HashMap<>();
        try {
            model.put("comparison", recovery.verify());
        } catch (RequestRefused refused) {
            return Refusal.shown(new Page("dr/verify", model), refused);
        }
        return Response.ok(new Page("dr/verify", model)).build();
    }

    @GET
    @Path("/journal")
    @RequiresPermission(Permission.VIEW_REPLICATION)
    public Page journal() {
        return new Page("dr/journal", Map.of("entries", recovery.journal(JOURNAL_SHOWN).stream().map(ReportFacts::of)
                .toList(), "shown", JOURNAL_SHOWN));
    }

    private Map<String, Object> status() {
        Map<String, Object> model = new HashMap<>();
        monitor.probe().ifPresent(status -> model.put("status", status));
        return model;
    }
}
