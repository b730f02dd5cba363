package health.citadel.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

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
