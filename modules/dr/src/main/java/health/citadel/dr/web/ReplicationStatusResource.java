package health.citadel.dr.web;

import health.citadel.dr.api.ReplicationMonitor;
import health.citadel.dr.api.ReplicationStatus;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.problem.RequestRefused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The DBA console's view of replication. */
@Path("/v1/dr/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReplicationStatusResource {

    @Inject
    ReplicationMonitor monitor;

    @GET
    @RequiresPermission(Permission.VIEW_REPLICATION)
    @Operation(summary = "Replication health", description = "Probes both regions now: the writer and the standby "
            + "with their topology epochs, lag in seconds (heartbeat) and bytes, the replication slot, the "
            + "subscription's worker and errors, the newest heartbeat applied, and any problem in words. 404 where "
            + "no standby region is configured.")
    public ReplicationStatus status() {
        return monitor.probe().orElseThrow(() -> RequestRefused.notFound("no standby region is configured"));
    }
}
