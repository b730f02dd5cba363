package health.citadel.dr.web;

import health.citadel.dr.api.DisasterRecovery;
import health.citadel.dr.api.FailoverReport;
import health.citadel.dr.api.FenceReport;
import health.citadel.dr.api.RegionsCompared;
import health.citadel.dr.api.RejoinReport;
import health.citadel.dr.api.SwitchoverReport;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The DBA console's DR operations: the same runs, journal and audit as {@code bin/citadel dr}, recorded under
 * the DBA's user id. Every change needs a recent second factor.
 */
@Path("/v1/dr")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DisasterRecoveryResource {

    private static final String REFUSALS = " 409 with the reason when the operation is refused or fails (it is "
            + "journaled and audited all the same) or another one runs; 404 where no standby region is configured; "
            + "401 with an RFC 9470 challenge without a recent second factor. Audited as ";

    @Schema(description = "The DBA's acknowledgement that a failover loses what the standby has not applied.")
    public static class FailoverRequest {
        @Schema(description = "Must be true: commits the standby has not applied are lost.", example = "true")
        public boolean acceptDataLoss;
    }

    @Schema(description = "How to treat the commits a failover left in the rejoining region's replication slot.")
    public static class RejoinRequest {
        @Schema(description = "Drop the slot that holds the commits a failover lost; without it, a rejoin is refused "
                + "while that slot exists.", defaultValue = "false")
        public boolean discardLostCommits;
    }

    @Inject
    DisasterRecovery recovery;

    @Inject
    DrOperator operator;

    @POST
    @Path("/switchover")
    @RequiresPermission(Permission.RUN_DR)
    @Operation(summary = "Switch over", description = "Moves the writer to the standby without losing a commit: "
            + "fence, catch-up marker, reverse subscription, new epoch." + REFUSALS + "DR_SWITCHOVER.")
    @APIResponse(responseCode = "200", description = "What the switchover did, as `bin/citadel dr switchover --json` "
            + "prints it.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SwitchoverReport.class)))
    public SwitchoverReport switchover() {
        return recovery.switchover(operator.steppedUp());
    }

    @POST
    @Path("/failover")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.RUN_DR)
    @Operation(summary = "Fail over", description = "Promotes the standby after the writer is lost, without "
            + "contacting it; 400 unless `acceptDataLoss` is true. Refused while the writer answers unfenced."
            + REFUSALS + "DR_FAILOVER.")
    @APIResponse(responseCode = "200", description = "What the failover did, as `bin/citadel dr failover --json` "
            + "prints it; `lastAppliedCommit` and `appliedLsn` are null where unknown.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FailoverReport.class)))
    public FailoverReport failover(@RequestBody(description = "`{\"acceptDataLoss\": true}`") @NotNull @Valid
                               FailoverRequest request) {
        return recovery.failover(operator.steppedUp(), request.acceptDataLoss);
    }

    @POST
    @Path("/regions/{region}/fence")
    @RequiresPermission(Permission.RUN_DR)
    @Operation(summary = "Fence a region", description = "Makes the application's logins read-only there, takes "
            + "their schema access and ends their sessions; 404 for a region that is not configured." + REFUSALS
            + "DR_FENCE.")
    @APIResponse(responseCode = "200", description = "The region fenced.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FenceReport.class)))
    public FenceReport fence(@PathParam("region") String region) {
        return recovery.fence(operator.steppedUp(), region);
    }

    @POST
    @Path("/regions/{region}/rejoin")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.RUN_DR)
    @Operation(summary = "Rejoin a region as the standby", description = "Fences it, empties its module tables "
            + "and subscribes it to the writer with a full copy; 404 for a region that is not configured." + REFUSALS
            + "DR_REJOIN.")
    @APIResponse(responseCode = "200", description = "The region rejoined and the writer it subscribes to.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RejoinReport.class)))
    public RejoinReport rejoin(@PathParam("region") String region,
                             @RequestBody(description = "`{\"discardLostCommits\": true}`, or `{}` to keep the "
                                     + "slot") @NotNull @Valid RejoinRequest request) {
        return recovery.rejoin(operator.steppedUp(), region, request.discardLostCommits);
    }

    @GET
    @Path("/verify")
    @RequiresPermission(Permission.VIEW_REPLICATION)
    @Operation(summary = "Compare the regions", description = "Waits until the standby has applied what the writer "
            + "had written, then compares every replicated table by row count and checksum. 503 when the regions "
            + "cannot be compared (the standby does not catch up within 30 s); 409 while a DR operation runs; 404 "
            + "where no standby region is configured.")
    @APIResponse(responseCode = "200", description = "Each table's rows in both regions, as `bin/citadel dr verify "
            + "--json` prints it.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegionsCompared.class)))
    public RegionsCompared verify() {
        return recovery.verify();
    }
}
