package health.citadel.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The realm the local stack imports: the production realm ({@code infra/keycloak/citadel-realm.json}, no direct
 * password grants, no demo users) with the local overlay merged in (the demo users and the scripts' client).
 * An overlay's array extends the realm's (clients, users); any other field replaces it; a field whose name
 * starts with {@code _} is a note.
 */
final class LocalRealm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalRealm() {
    }

    /** The demo users the overlay adds to the realm: none where it adds none, so nothing is said of them. */
    static List<DemoUser> demoUsers(Path overlay) {
        Set<String> usernames = new HashSet<>();
        try {
            JSON.readTree(overlay.toFile()).path("users").forEach(user -> usernames.add(user.path("username").asText()));
        } catch (IOException e) {
            throw new StackException("cannot read the realm overlay " + overlay + ": " + e.getMessage(), e);
        }
        return Stream.of(DemoUser.values()).filter(user -> usernames.contains(user.username)).toList();
    }

    static String compose(Path realm, Path overlay, Map<String, String> values) {
        try {
            ObjectNode merged = (ObjectNode) JSON.readTree(KeycloakServer.render(realm, values));
            JsonNode additions = JSON.readTree(KeycloakServer.render(overlay, values));
            additions.fields().forEachRemaining(field -> {
                JsonNode existing = merged.get(field.getKey());
                if (field.getKey().startsWith("_")) {
                    return;
                }
                if (existing instanceof ArrayNode array && field.getValue().isArray()) {
                    array.addAll((ArrayNode) field.getValue());
                } else {
                    merged.set(field.getKey(), field.getValue());
                }
            });
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged);
        } catch (JsonProcessingException e) {
            throw new StackException("the realm " + realm + " or its overlay " + overlay + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
