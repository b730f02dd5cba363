package health.citadel.identity.internal;

import health.citadel.identity.api.StepUpRequired;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.function.Supplier;

/**
 * Step-up for a resource method marked {@code @RequiresSecondFactor}: runs after {@link PermissionCheck} has
 * authorized the caller, and answers the RFC 9470 challenge unless the token proves a recent second factor.
 */
final class SecondFactorCheck implements ContainerRequestFilter {

    private final Supplier<RequestCaller> requestCaller;
    private final Supplier<SecondFactor> secondFactor;

    SecondFactorCheck(Supplier<RequestCaller> requestCaller, Supplier<SecondFactor> secondFactor) {
        this.requestCaller = requestCaller;
        this.secondFactor = secondFactor;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!secondFactor.get().recent(requestCaller.get().get())) {
            throw new StepUpRequired();
        }
    }
}
