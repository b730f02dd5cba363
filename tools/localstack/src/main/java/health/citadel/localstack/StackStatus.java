package health.citadel.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code bin/citadel status}: each part of the stack, running or stopped, and where it answers; monitoring's
 * servers only while they run, since the stack runs without them.
 *
 * @param parts the stack's own parts, then monitoring's running servers
 */
record StackStatus(Path home, List<Part> parts) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One part: its process while it runs, and where it answers.
     *
     * @param url       where a person or a client reaches it (a JDBC URL for a region)
     * @param otherUrls other addresses of it by name, such as Liberty's {@code managementUrl}
     * @param optional  whether the stack counts as running without it
     */
    record Part(String name, OptionalLong pid, String url, Map<String, String> otherUrls, boolean optional) {
    }

    /** Whether every part the stack needs runs. */
    boolean running() {
        return parts.stream().allMatch(part -> part.optional() || part.pid().isPresent());
    }

    /** One line a part: {@code running  (pid 1234)  Liberty  https://localhost:9443}. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(part.pid().isPresent() ? "running  (pid " + part.pid().getAsLong() + ")  " : "stopped  ")
                    .append(part.name()).append("  ").append(part.url()).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** {@code {home, running, parts: [{name, state, pid, optional, url, ...its other URLs}]}}. */
    String json() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("home", home.toString());
        status.put("running", running());
        status.put("parts", parts.stream().map(part -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", part.name());
            entry.put("state", part.pid().isPresent() ? "running" : "stopped");
            entry.put("pid", part.pid().isPresent() ? part.pid().getAsLong() : null);
            entry.put("optional", part.optional());
            entry.put("url", part.url());
            entry.putAll(part.otherUrls());
            return entry;
        }).toList());
        try {
            return JSON.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            throw new StackException("cannot write the status as JSON: " + e.getMessage(), e);
        }
    }
}
