package health.citadel.platform.web;

import health.citadel.platform.problem.BodyTooLarge;
import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Holds every JSON request body to {@link JsonBodyRules} before it is bound (bodies are capped at 10 MiB, so
 * reading one whole is bounded): a refused body is a 400 naming its field, and nothing is written.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body;
        try {
            body = context.getInputStream().readAllBytes();
        } catch (BodyTooLarge tooLarge) {
            throw new RequestRefused(Response.Status.REQUEST_ENTITY_TOO_LARGE, tooLarge.getMessage());
        }
        String problem = JsonBodyRules.problem(body);
        if (problem != null) {
            throw RequestRefused.badRequest(problem);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
