package health.citadel.platform.web;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every API request an id, returned as {@code X-Request-Id}, recorded with its audit events and put on
 * every log line written while the request is served (Liberty's JSON field {@code ext_requestId}), so a
 * support call, a log line and an audit entry can be matched. A caller's own id (a proxy's, to follow a call across
 * systems) is kept only if it has the form proxies generate, a UUID or 32 hex digits: anything else could carry a
 * name or a record number into the logs, forge log lines or put markup on an auditor's screen, so it is replaced
 * by one the server makes, and the response says which.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String LOG_FIELD = "requestId";
    private static final String PROPERTY = RequestIds.class.getName();
    private static final Pattern GENERATED_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}");

    @Override
    public void filter(ContainerRequestContext request) {
        String id = chosen(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id);
        LogRecordContext.addExtension(LOG_FIELD, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        // the thread goes back to the pool: the next request's lines must not carry this id
        LogRecordContext.removeExtension(LOG_FIELD);
    }

    /** The caller's id if a proxy made it, else a new one; several {@code X-Request-Id} headers arrive comma-joined. */
    static String chosen(String offered) {
        return offered != null && GENERATED_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of the request being served. */
    public static String of(ContainerRequestContext request) {
        return (String) request.getProperty(PROPERTY);
    }

    /** The same id, from the servlet request: in a servlet container JAX-RS properties are its attributes. */
    public static String of(HttpServletRequest request) {
        return (String) request.getAttribute(PROPERTY);
    }
}
