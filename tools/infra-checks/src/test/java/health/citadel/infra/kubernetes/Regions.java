package health.citadel.infra.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** The regions' overlays, rendered afresh for each use (a test may change what it gets). */
final class Regions {

    static final List<String> NAMES = List.of("region-a", "region-b");

    private Regions() {
    }

    static List<HasMetadata> render(String region) {
        return Overlays.load(Repository.kubernetes().resolve(region));
    }

    static ClusterPolicies policies(String region) {
        return new ClusterPolicies(render(region));
    }
}
