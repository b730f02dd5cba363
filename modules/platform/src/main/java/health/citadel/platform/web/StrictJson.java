package health.citadel.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.BinaryDataStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Request bodies with a field we do not know are refused (400) rather than silently dropped: a misspelt
 * field must not look like a saved one. Bytes travel as base64.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    /** The binder for request bodies, and for documents a module parses or stores itself. Thread-safe. */
    public static final Jsonb BINDER = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withBinaryDataStrategy(BinaryDataStrategy.BASE_64));

    @Override
    public Jsonb getContext(Class<?> type) {
        return BINDER;
    }
}
