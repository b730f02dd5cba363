package health.citadel.platform.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Objects;

/**
 * The route a request matched, as its template ({@code GET /v1/patients/{id}}): it names the operation, never its
 * data. Each response names its route in {@link #HEADER}, which Liberty's access log writes instead of the path as
 * sent, where a name or a record number could stand; a request that matched no route is logged as {@code -}.
 */
@Provider
public class RouteTemplates implements DynamicFeature {

    /** The route template of the answered request, with the application's path ({@code /api/v1/me}). */
    public static final String HEADER = "X-Citadel-Route";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new RouteHeader(path(resource)));
    }

    /** The method and the path template within the application, e.g. {@code GET /v1/me}. */
    public static String operation(ResourceInfo resource) {
        String method = Arrays.stream(resource.getResourceMethod().getAnnotations())
                .map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst().orElse("SUBRESOURCE");
        return method + " " + path(resource);
    }

    private static String path(ResourceInfo resource) {
        return (path(resource.getResourceClass()) + path(resource.getResourceMethod())).replace("//", "/");
    }

    private static String path(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? "" : "/" + path.value().replaceAll("^/+|/+$", "");
    }

    /** Names the matched route on the response, after the application's own path (from the base URI, not the request's). */
    private record RouteHeader(String template) implements ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            // the base URI's path is the application's, with one trailing slash: no pattern on every response
            String base = request.getUriInfo().getBaseUri().getRawPath();
            response.getHeaders().putSingle(HEADER, (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                    + template);
        }
    }
}
