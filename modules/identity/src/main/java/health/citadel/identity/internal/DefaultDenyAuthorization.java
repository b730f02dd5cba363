package health.citadel.identity.internal;

import health.citadel.audit.api.AuditLog;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.api.RequiresStepUp;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;

/**
 * Puts a {@link PermissionCheck} in front of every resource method of the application, with the permission it
 * declares and whether it {@link RequiresStepUp}.
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
        context.register(new PermissionCheck(required, stepUp, operation(resource),
                () -> CDI.current().select(RequestCaller.class).get(),
                () -> CDI.current().select(AuditLog.class).get(),
                () -> CDI.current().select(HttpServletRequest.class).get(),
                () -> CDI.current().select(StaffDirectory.class).get(),
                () -> CDI.current().select(SecondFactor.class).get()),
                Priorities.AUTHORIZATION);
    }

    /** The method and path template, e.g. {@code GET /v1/me}: names the operation, never its data. */
    static String operation(ResourceInfo resource) {
        String method = Arrays.stream(resource.getResourceMethod().getAnnotations())
                .map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst().orElse("SUBRESOURCE");
        return method + " " + (path(resource.getResourceClass()) + path(resource.getResourceMethod())).replace("//", "/");
    }

    private static String path(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? "" : "/" + path.value().replaceAll("^/+|/+$", "");
    }
}
