package health.citadel.identity.internal;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/** Puts a {@link PermissionCheck} in front of every resource method of the application. */
@Provider
public class DefaultDenyAuthorization implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RequiresPermission declared = resource.getResourceMethod().getAnnotation(RequiresPermission.class);
        if (declared == null) {
            declared = resource.getResourceClass().getAnnotation(RequiresPermission.class);
        }
        Permission required = declared == null ? null : declared.value();
        context.register(new PermissionCheck(required, () -> CDI.current().select(RequestCaller.class).get()),
                Priorities.AUTHORIZATION);
    }
}
