package health.citadel.identity.web;

import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.api.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The caller as the API shows it: ids and grants, no names. */
    public record Me(String userId, List<String> roles, List<Permission> permissions, boolean secondFactor,
                     Instant authenticatedAt) {
    }

    @Inject
    CurrentCaller currentCaller;

    @GET
    @RequiresPermission(Permission.VIEW_OWN_IDENTITY)
    @Operation(summary = "Who am I", description = "The caller's user id, roles, permissions and whether the "
            + "token proves a second factor.")
    public Me me() {
        Caller caller = currentCaller.get();
        return new Me(caller.userId(),
                caller.roles().stream().map(Role::claimValue).sorted().toList(),
                caller.permissions().stream().sorted().toList(),
                caller.secondFactor(),
                caller.authenticatedAt());
    }
}
