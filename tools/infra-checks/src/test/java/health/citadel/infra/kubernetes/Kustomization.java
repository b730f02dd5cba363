package health.citadel.infra.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * The fields of a {@code kustomization.yaml} that {@link Overlays} renders. Read strictly: any other field (a
 * generator, a JSON patch, images, replicas) fails the check instead of being silently left out of the rendering.
 */
record Kustomization(String apiVersion, String kind, String namespace, List<String> resources,
                     List<Labels> labels, List<Patch> patches) {

    Kustomization {
        resources = resources == null ? List.of() : List.copyOf(resources);
        labels = labels == null ? List.of() : List.copyOf(labels);
        patches = patches == null ? List.of() : List.copyOf(patches);
    }

    /** Labels added to every object's metadata; onto selectors and templates is not rendered, so it is refused. */
    record Labels(Map<String, String> pairs, Boolean includeSelectors, Boolean includeTemplates) {
    }

    /** A strategic-merge patch in its own file, applied to the object of its kind and name. */
    record Patch(String path) {
    }
}
