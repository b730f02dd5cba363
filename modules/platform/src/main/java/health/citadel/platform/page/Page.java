package health.citadel.platform.page;

import java.util.HashMap;
import java.util.Map;

/**
 * A server-side page: a template under {@code templates/} (without {@code .html}) and the values it shows.
 * A resource method returns one and {@link PageWriter} renders it, HTML-escaping every value.
 */
public record Page(String template, Map<String, Object> model) {

    public Page {
        model = Map.copyOf(model);
    }

    /** This page with more values, e.g. the portal's frame around every page. */
    public Page with(Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(model);
        all.putAll(more);
        return new Page(template, all);
    }
}
