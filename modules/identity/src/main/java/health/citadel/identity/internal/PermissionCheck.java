package health.citadel.identity.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.StepUpRequired;
import health.citadel.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Lets a request through only if the verified caller holds the resource method's permission. A method
 * without a declared permission gets {@code required == null} and is always denied. Every denial is audited
 * in a transaction of its own. A method that {@link health.citadel.identity.api.RequiresStepUp requires step-up}
 * also needs a recent second factor.
 */
final class PermissionCheck implements ContainerRequestFilter {

    /** The resource type of audit events about API operations; the id is the operation's path template. */
    static final String OPERATION = "ApiOperation";
    private static final Logger LOG = Logger.getLogger(PermissionCheck.class.getName());

    private final Permission required;
    private final boolean stepUp;
    private final String operation;
    private final Supplier<RequestCaller> requestCaller;
    private final Supplier<RequestCallerAudit> audit;
    private final Supplier<SecondFactor> secondFactor;

    PermissionCheck(Permission required, boolean stepUp, String operation, Supplier<RequestCaller> requestCaller,
                    Supplier<RequestCallerAudit> audit, Supplier<SecondFactor> secondFactor) {
        this.required = required;
        this.stepUp = stepUp;
        this.operation = operation;
        this.requestCaller = requestCaller;
        this.audit = audit;
        this.secondFactor = secondFactor;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            request.abortWith(Problem.of(Response.Status.UNAUTHORIZED, "a bearer token is required").toResponse());
            return;
        }
        Caller caller = TokenCaller.from(token);
        if (required == null || !caller.may(required)) {
            String reason = required == null ? "this operation is not granted to any role"
                    : "this operation needs the permission " + required;
            audit.get().by(caller, AuditAction.DENIED, OPERATION).resource(operation).denied(reason);
            LOG.info(() -> "Access denied to " + operation + ": " + reason);
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, reason).toResponse());
            return;
        }
        if (stepUp && !secondFactor.get().recent(caller)) {
            // mapped like the services' own: the API's challenge, the portal's login again
            throw new StepUpRequired();
        }
        requestCaller.get().set(caller);
    }
}
