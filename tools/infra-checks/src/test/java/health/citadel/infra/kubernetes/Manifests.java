package health.citadel.infra.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads manifests: YAML documents as trees (which the overlays are rendered on), then each tree into fabric8's
 * typed model, refusing a kind the model does not know and any field it does not know.
 */
final class Manifests {

    static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** For the types fabric8 does not have (SecretProviderClass, Kustomization): a field they do not declare fails. */
    static final JsonMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

    private Manifests() {
    }

    /** Every YAML document of the file that holds something (a comment-only document is skipped). */
    static List<ObjectNode> documents(Path file) {
        try {
            return documents(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ManifestException("cannot read " + file, e);
        }
    }

    static List<ObjectNode> documents(String yaml, String source) {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (values.hasNextValue()) {
                JsonNode document = values.nextValue();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!(document instanceof ObjectNode object)) {
                    throw new ManifestException(source + ": a document is not a mapping");
                }
                documents.add(object);
            }
        } catch (JacksonException e) {
            throw new ManifestException(source + ": not YAML: " + e.getOriginalMessage(), e);
        }
        return documents;
    }

    /** The file's one document (a patch, a kustomization). */
    static ObjectNode single(Path file) {
        List<ObjectNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new ManifestException(file + ": expected one document, found " + documents.size());
        }
        return documents.get(0);
    }

    /** Every document of the file, typed. */
    static List<HasMetadata> load(Path file) {
        return documents(file).stream().map(document -> typed(document, file.toString())).toList();
    }

    static List<HasMetadata> load(String yaml, String source) {
        return documents(yaml, source).stream().map(document -> typed(document, source)).toList();
    }

    /** One document in the typed model; refused when its kind or any of its fields is unknown. */
    static HasMetadata typed(JsonNode document, String source) {
        String apiVersion = document.path("apiVersion").asString("");
        String kind = document.path("kind").asString("");
        String name = source + ": " + kind + " " + document.path("metadata").path("name").asString("?");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new ManifestException(source + ": a document without apiVersion and kind");
        }
        HasMetadata resource;
        try {
            if (HasMetadata.getApiVersion(SecretProviderClass.class).equals(apiVersion)
                    && HasMetadata.getKind(SecretProviderClass.class).equals(kind)) {
                resource = STRICT.treeToValue(document, SecretProviderClass.class);
            } else {
                Class<? extends KubernetesResource> type = FABRIC8.getRegisteredKubernetesResource(apiVersion, kind);
                if (type == null || type == GenericKubernetesResource.class || !HasMetadata.class.isAssignableFrom(type)) {
                    throw new ManifestException(name + ": the typed model has no " + apiVersion + " " + kind);
                }
                resource = (HasMetadata) FABRIC8.convertValue(document, type);
            }
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ManifestException(name + ": " + e.getMessage(), e);
        }
        List<String> unknown = UnknownFields.in(resource);
        if (!unknown.isEmpty()) {
            throw new ManifestException(name + ": fields the model does not know: " + String.join("; ", unknown));
        }
        return resource;
    }
}
