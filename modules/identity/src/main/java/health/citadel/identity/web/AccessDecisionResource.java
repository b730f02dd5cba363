package health.citadel.identity.web;

import health.citadel.identity.api.AccessDecision;
import health.citadel.identity.api.AccessPolicy;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.web.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Lets the portal ask, before it offers a chart, whether the caller may open it and on what basis. */
@Path("/v1/me/access-decision")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccessDecisionResource {

    @Inject
    AccessPolicy accessPolicy;

    @GET
    @RequiresPermission(Permission.VIEW_OWN_IDENTITY)
    @Operation(summary = "May I?", description = "The caller's access decision for a permission on a patient; "
            + "denials are audited.")
    public AccessDecision decide(@QueryParam("patient") @NotNull String patient,
                                 @QueryParam("permission") @NotNull String permission) {
        return accessPolicy.decide(Parameters.oneOf("permission", permission, Permission.class),
                Parameters.uuid("patient", patient));
    }
}
