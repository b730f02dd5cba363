package health.citadel.infra.kubernetes;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;
import java.util.Map;

/**
 * The Secrets Store CSI driver's {@code SecretProviderClass} (secrets-store.csi.x-k8s.io/v1), which fabric8's core
 * model does not have: typed here with the fields the driver documents, and read by a mapper that refuses any other.
 */
@Group("secrets-store.csi.x-k8s.io")
@Version("v1")
@Kind("SecretProviderClass")
public final class SecretProviderClass extends CustomResource<SecretProviderClass.Spec, Void> implements Namespaced {

    private static final long serialVersionUID = 1L;

    /** @param parameters the provider's own settings; for AWS {@code region} and {@code objects} (a YAML list) */
    public record Spec(String provider, Map<String, String> parameters, List<SecretObject> secretObjects) {
    }

    /** A Kubernetes Secret the driver creates and keeps in step while a pod mounts the volume. */
    public record SecretObject(String secretName, String type, Map<String, String> labels,
                               Map<String, String> annotations, List<Data> data) {
    }

    /** @param objectName the mounted object (its alias, where it has one) @param key the Secret's key */
    public record Data(String objectName, String key) {
    }
}
