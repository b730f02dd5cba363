package health.citadel.infra.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization as {@code kubectl apply -k} would, for the transformers the overlays use, in kustomize's
 * order: the resources (a directory is a kustomization of its own), the strategic-merge patches, the namespace,
 * the labels. There is no kustomize binary here; what this cannot render is refused, never skipped.
 */
final class Overlays {

    static final String API_VERSION = "kustomize.config.k8s.io/v1beta1";
    /** Kinds without a namespace, which the namespace transformer leaves alone (the ones a workload's manifests may hold). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "PriorityClass", "CustomResourceDefinition");

    private Overlays() {
    }

    /** The overlay (or base) in {@code directory}, rendered and typed. */
    static List<HasMetadata> load(Path directory) {
        return render(directory).stream().map(document -> Manifests.typed(document, directory.toString())).toList();
    }

    /** The overlay (or base) in {@code directory}, rendered, as trees. */
    static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        Kustomization kustomization;
        try {
            kustomization = Manifests.STRICT.treeToValue(Manifests.single(file), Kustomization.class);
        } catch (JacksonException e) {
            throw new ManifestException(file + ": " + e.getOriginalMessage(), e);
        }
        if (!API_VERSION.equals(kustomization.apiVersion()) || !"Kustomization".equals(kustomization.kind())) {
            throw new ManifestException(file + ": not a " + API_VERSION + " Kustomization");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (String resource : kustomization.resources()) {
            Path path = directory.resolve(resource).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : Manifests.documents(path));
        }
        for (Kustomization.Patch patch : kustomization.patches()) {
            Path path = directory.resolve(patch.path()).normalize();
            ObjectNode change = Manifests.single(path);
            int index = target(objects, change, path);
            objects.set(index, StrategicMerge.apply(objects.get(index), change));
        }
        if (kustomization.namespace() != null) {
            for (ObjectNode object : objects) {
                if (!CLUSTER_SCOPED.contains(object.path("kind").asString())) {
                    metadata(object).put("namespace", kustomization.namespace());
                }
            }
        }
        for (Kustomization.Labels labels : kustomization.labels()) {
            if (Boolean.TRUE.equals(labels.includeSelectors()) || Boolean.TRUE.equals(labels.includeTemplates())) {
                throw new ManifestException(file + ": labels on selectors or templates are not rendered offline");
            }
            for (ObjectNode object : objects) {
                ObjectNode existing = metadata(object).has("labels") && metadata(object).get("labels").isObject()
                        ? (ObjectNode) metadata(object).get("labels") : metadata(object).putObject("labels");
                for (Map.Entry<String, String> pair : labels.pairs().entrySet()) {
                    existing.put(pair.getKey(), pair.getValue());
                }
            }
        }
        Set<String> identities = new HashSet<>();
        for (ObjectNode object : objects) {
            if (!identities.add(identity(object) + "/" + object.path("metadata").path("namespace").asString(""))) {
                throw new ManifestException(file + ": " + identity(object) + " is declared twice");
            }
        }
        return objects;
    }

    /** The one object a patch applies to: the same API group, kind and name. */
    private static int target(List<ObjectNode> objects, ObjectNode patch, Path file) {
        int found = -1;
        for (int i = 0; i < objects.size(); i++) {
            if (identity(objects.get(i)).equals(identity(patch))) {
                if (found >= 0) {
                    throw new ManifestException(file + ": more than one " + identity(patch));
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new ManifestException(file + ": patches " + identity(patch) + ", which no resource declares");
        }
        return found;
    }

    /** group/kind/name: kustomize matches a patch by group, kind and name, whatever the version. */
    static String identity(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return group + "/" + object.path("kind").asString("") + "/" + object.path("metadata").path("name").asString("");
    }

    private static ObjectNode metadata(ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        return metadata instanceof ObjectNode existing ? existing : object.putObject("metadata");
    }
}
