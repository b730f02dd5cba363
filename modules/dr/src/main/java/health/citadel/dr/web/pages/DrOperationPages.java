package health.citadel.dr.web.pages;

import health.citadel.dr.api.DisasterRecovery;
import health.citadel.dr.api.ReplicationMonitor;
import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.web.DrOperator;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.api.RequiresStepUp;
import health.citadel.platform.page.InvalidField;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The DBA console's DR changes. Each form (GET) asks for a recent second factor before it is filled in; each
 * POST, at the form's path, runs through the same {@link DisasterRecovery} as {@code POST /api/v1/dr/…} and
 * {@code bin/citadel dr} (journaled, audited under the DBA's id), after {@link DrOperator} has checked the second
 * factor again. What the DBA must confirm is checked first, and a refusal leaves everything as it was.
 */
@Path("/dr/operations")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class DrOperationPages {

    private static final Map<String, String> TITLES = Map.of("switchover", "Switch over", "failover", "Fail over",
            "fence", "Fence", "rejoin", "Rejoin");

    @Inject
    DisasterRecovery recovery;

    @Inject
    ReplicationMonitor monitor;

    @Inject
    DrOperator operator;

    @GET
    @Path("/switchover")
    @RequiresPermission(Permission.RUN_DR)
    @RequiresStepUp
    public Page switchoverForm() {
        return form("switchover", null);
    }

    @POST
    @Path("/switchover")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.RUN_DR)
    public Response switchover(@FormParam("confirm") String confirm) {
        String dba = operator.steppedUp();
        ReplicationStatus status = probe();
        Page form = form("switchover", null, status);
        String target = status.standby().name();
        if (!target.equals(confirm == null ? "" : confirm.strip())) {
            return new InvalidField("confirm", "type the target region's name, " + target
                    + ", to confirm the switchover").on(form);
        }
        return run(form, () -> recovery.switchover(dba));
    }

    @GET
    @Path("/failover")
    @RequiresPermission(Permission.RUN_DR)
    @RequiresStepUp
    public Page failoverForm() {
        return form("failover", null);
    }

    @POST
    @Path("/failover")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.RUN_DR)
    public Response failover(@FormParam("acceptDataLoss") String acceptDataLoss) {
        String dba = operator.steppedUp();
        Page form = form("failover", null);
        if (!"true".equals(acceptDataLoss)) {
            return new InvalidField("acceptDataLoss", "a failover loses the commits the standby has not applied: "
                    + "tick the box to accept it, or switch over while the writer still runs").on(form);
        }
        return run(form, () -> recovery.failover(dba, true));
    }

    @GET
    @Path("/regions/{region}/fence")
    @RequiresPermission(Permission.RUN_DR)
    @RequiresStepUp
    public Page fenceForm(@PathParam("region") String region) {
        return form("fence", known(region));
    }

    @POST
    @Path("/regions/{region}/fence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.RUN_DR)
    public Response fence(@PathParam("region") String region) {
        String dba = operator.steppedUp();
        String known = known(region);
        return run(form("fence", known), () -> recovery.fence(dba, known));
    }

    @GET
    @Path("/regions/{region}/rejoin")
    @RequiresPermission(Permission.RUN_DR)
    @RequiresStepUp
    public Page rejoinForm(@PathParam("region") String region) {
        return form("rejoin", known(region));
    }

    @POST
    @Path("/regions/{region}/rejoin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.RUN_DR)
    public Response rejoin(@PathParam("region") String region,
                           @FormParam("discardLostCommits") String discardLostCommits) {
        String dba = operator.steppedUp();
        String known = known(region);
        return run(form("rejoin", known), () -> recovery.rejoin(dba, known, "true".equals(discardLostCommits)));
    }

    /** The operation's form, with replication as it stands now (the switchover's target, the failover's RPO). */
    private Page form(String operation, String region) {
        return form(operation, region, probe());
    }

    private static Page form(String operation, String region, ReplicationStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("operation", operation);
        model.put("title", TITLES.get(operation));
        model.put("status", status);
        if (region != null) {
            model.put("region", region);
        }
        return new Page("dr/operation", model);
    }

    /** The report of a change that ran, with replication as it stands after it, or its refusal on the form. */
    private Response run(Page form, Supplier<Record> change) {
        Record report;
        try {
            report = change.get();
        } catch (RequestRefused refused) {
            return Refusal.shown(form, refused);
        }
        return Response.ok(form.with(Map.of("report", ReportFacts.of(report), "status", probe()))).build();
    }

    private ReplicationStatus probe() {
        return monitor.probe().orElseThrow(() -> RequestRefused.notFound("no standby region is configured"));
    }

    private String known(String region) {
        if (!recovery.regions().contains(region)) {
            throw RequestRefused.notFound("there is no such region");
        }
        return region;
    }
}
