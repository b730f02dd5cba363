package health.citadel.identity.internal;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.api.RequiresStepUp;
import health.citadel.platform.web.RouteTemplates;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.function.Supplier;

/**
 * Puts a {@link PermissionCheck} in front of every resource method of the application, with the permission it
 * declares and whether it {@link RequiresStepUp}, and behind it the {@link StaffDirectoryUpkeep}.
 */
@Provider
public class DefaultDenyAuthorization implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RequiresPermission declared = resource.getResourceMethod().getAnnotation(RequiresPermission.class);
        if (declared == null) {
            declared = resource.getResourceClass().getAnnotation(RequiresPermission.class);
        }
        Permission required = declared == null ? null : declared.value();
        boolean stepUp = resource.getResourceMethod().isAnnotationPresent(RequiresStepUp.class);
        Supplier<RequestCaller> requestCaller = () -> CDI.current().select(RequestCaller.class).get();
        context.register(new PermissionCheck(required, stepUp, RouteTemplates.operation(resource), requestCaller,
                () -> CDI.current().select(RequestCallerAudit.class).get(),
                () -> CDI.current().select(SecondFactor.class).get()),
                Priorities.AUTHORIZATION);
        context.register(new StaffDirectoryUpkeep(requestCaller,
                () -> CDI.current().select(StaffDirectory.class).get()), Priorities.AUTHORIZATION + 1);
    }
}
