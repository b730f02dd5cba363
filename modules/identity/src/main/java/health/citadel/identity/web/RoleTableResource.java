package health.citadel.identity.web;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.internal.RoleTable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/identity/roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoleTableResource {

    @Inject
    RoleTable roleTable;

    @GET
    @RequiresPermission(Permission.REVIEW_ACCESS)
    @Operation(summary = "What each role may do", description = "The role to permission table, for access reviews.")
    public Map<String, List<Permission>> roles() {
        return roleTable.asMap();
    }
}
