package health.citadel.identity.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps the {@link StaffDirectory} current with the names that staff members' own tokens give them. It runs
 * after {@link PermissionCheck}, which stops every request it refuses, so only an authorized caller is written
 * down.
 */
final class StaffDirectoryUpkeep implements ContainerRequestFilter {

    private final Supplier<RequestCaller> requestCaller;
    private final Supplier<StaffDirectory> staffDirectory;

    StaffDirectoryUpkeep(Supplier<RequestCaller> requestCaller, Supplier<StaffDirectory> staffDirectory) {
        this.requestCaller = requestCaller;
        this.staffDirectory = staffDirectory;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
            requestCaller.get().authorized()
                    .ifPresent(caller -> staffDirectory.get().remember(caller, TokenCaller.displayName(token)));
        }
    }
}
