package health.citadel.identity.internal;

import health.citadel.identity.api.Caller;
import health.citadel.identity.api.Permission;
import health.citadel.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Lets a request through only if the verified caller holds the resource method's permission. A method
 * without a declared permission gets {@code required == null} and is always denied.
 */
final class PermissionCheck implements ContainerRequestFilter {

    private final Permission required;
    private final Supplier<RequestCaller> requestCaller;

    PermissionCheck(Permission required, Supplier<RequestCaller> requestCaller) {
        this.required = required;
        this.requestCaller = requestCaller;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            request.abortWith(Problem.of(Response.Status.UNAUTHORIZED, "a bearer token is required").toResponse());
            return;
        }
        Caller caller = TokenCaller.from(token);
        if (required == null || !caller.may(required)) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN,
                    required == null ? "this operation is not granted to any role"
                            : "this operation needs the permission " + required).toResponse());
            return;
        }
        requestCaller.get().set(caller);
    }
}
