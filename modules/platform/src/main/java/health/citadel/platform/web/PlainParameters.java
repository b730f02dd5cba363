package health.citadel.platform.web;

import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * No query or path parameter may carry a NUL character: PostgreSQL text cannot hold one, so it would otherwise
 * fail deep in a query as a server error. A 400 names the parameter when its name is a plain identifier.
 */
@Provider
public class PlainParameters implements ContainerRequestFilter {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    @Override
    public void filter(ContainerRequestContext request) {
        refuseNul(request.getUriInfo().getQueryParameters());
        refuseNul(request.getUriInfo().getPathParameters());
    }

    private static void refuseNul(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                String name = PLAIN_NAME.matcher(parameter.getKey()).matches() ? parameter.getKey() : "a parameter";
                throw RequestRefused.badRequest(name + ": must not contain a NUL character");
            }
        }
    }
}
