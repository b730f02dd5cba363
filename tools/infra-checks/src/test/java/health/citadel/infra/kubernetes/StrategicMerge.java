package health.citadel.infra.kubernetes;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of Kubernetes' strategic merge patch that the overlays use: mappings merge field by field (null removes
 * a field); the lists Kubernetes merges by a key (containers and volumes by name, env by name, volume mounts by
 * path) merge element by element, a new key appended. Any other list, and any {@code $patch} directive, is refused
 * rather than merged differently from kustomize: keep the overlays to what this renders faithfully.
 */
final class StrategicMerge {

    static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath");

    private StrategicMerge() {
    }

    /** @return a patched copy of {@code target}; the target is left as it was */
    static ObjectNode apply(ObjectNode target, ObjectNode patch) {
        ObjectNode result = target.deepCopy();
        merge(result, patch, "");
        return result;
    }

    private static void merge(ObjectNode target, JsonNode patch, String path) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String here = path + "/" + name;
            if (name.startsWith("$")) {
                throw new ManifestException(here + ": patch directives are not rendered offline");
            }
            JsonNode existing = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, value, here);
            } else if (value.isArray()) {
                String key = MERGE_KEYS.get(name);
                if (key == null) {
                    throw new ManifestException(here + ": only the lists merged by a key (" + MERGE_KEYS.keySet()
                            + ") are patched offline");
                }
                target.set(name, mergeList(existing, (ArrayNode) value, key, here));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static ArrayNode mergeList(JsonNode existing, ArrayNode patch, String key, String path) {
        ArrayNode result = existing != null && existing.isArray() ? (ArrayNode) existing : patch.arrayNode();
        for (JsonNode element : patch) {
            if (!element.isObject() || !element.path(key).isString()) {
                throw new ManifestException(path + ": every element needs its merge key " + key);
            }
            ObjectNode match = null;
            for (JsonNode candidate : result) {
                if (candidate.isObject() && element.get(key).equals(candidate.get(key))) {
                    match = (ObjectNode) candidate;
                    break;
                }
            }
            if (match == null) {
                result.add(element.deepCopy());
            } else {
                merge(match, element, path + "[" + key + "=" + element.get(key).asString() + "]");
            }
        }
        return result;
    }
}
