package health.citadel.infra.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file under infra/kubernetes loads into a typed model, and the typed model refuses what it does not know. */
class ManifestLoadingTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: citadel
            spec:
              selector:
                matchLabels: {app: citadel}
              template:
                metadata:
                  labels: {app: citadel}
                spec:
                  containers:
                    - name: liberty
                      image: registry.example/citadel:0.1.0
                      securityContext:
                        %s
            """;

    @Test
    void everyManifestLoadsIntoTheTypedModel() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repository.kubernetes())) {
            files = walk.filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml")).sorted().toList();
        }
        int manifests = 0;
        for (Path file : files) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                Manifests.STRICT.treeToValue(Manifests.single(file), Kustomization.class);
            } else {
                List<HasMetadata> loaded = Manifests.load(file);
                assertFalse(loaded.isEmpty(), file + " holds no manifest");
                manifests += loaded.size();
            }
        }
        assertTrue(files.size() >= 3 * 4, "the base and both overlays: " + files);
        assertTrue(manifests >= 15, "manifests loaded: " + manifests);
    }

    @Test
    void aFieldWithItsValueLoadsTyped() {
        Deployment deployment = (Deployment) Manifests.load(DEPLOYMENT.formatted("readOnlyRootFilesystem: true"), "test").get(0);
        assertEquals(Boolean.TRUE, deployment.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getSecurityContext().getReadOnlyRootFilesystem());
    }

    @Test
    void aMisspelledFieldIsRefusedWithItsPath() {
        ManifestException refused = assertThrows(ManifestException.class,
                () -> Manifests.load(DEPLOYMENT.formatted("readOnlyRootFilesystm: true"), "test"));
        assertTrue(refused.getMessage().contains("readOnlyRootFilesystm"), refused.getMessage());
        assertTrue(refused.getMessage().contains("spec.template.spec.containers[0].securityContext"), refused.getMessage());
    }

    @Test
    void theRealDeploymentWithOneFieldMisspelledIsRefused() throws IOException {
        String deployment = Files.readString(Repository.kubernetes().resolve("base/deployment.yaml"));
        assertTrue(deployment.contains("readOnlyRootFilesystem: true"));
        Manifests.load(deployment, "deployment.yaml");
        ManifestException refused = assertThrows(ManifestException.class, () -> Manifests.load(
                deployment.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystm: true"), "deployment.yaml"));
        assertTrue(refused.getMessage().contains("readOnlyRootFilesystm"), refused.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThrows(ManifestException.class,
                () -> Manifests.load(DEPLOYMENT.formatted("capabilities: {drop: ALL}"), "test"));
    }

    @Test
    void aKindTheModelDoesNotKnowIsRefused() {
        ManifestException refused = assertThrows(ManifestException.class, () -> Manifests.load("""
                apiVersion: apps.openliberty.io/v1
                kind: OpenLibertyApplication
                metadata:
                  name: citadel
                spec:
                  applicationImage: registry.example/citadel:0.1.0
                """, "test"));
        assertTrue(refused.getMessage().contains("OpenLibertyApplication"), refused.getMessage());
    }

    @Test
    void aMisspelledSecretProviderClassFieldIsRefused() throws IOException {
        String provider = Files.readString(Repository.kubernetes().resolve("base/secretproviderclass.yaml"));
        assertEquals(2, Manifests.load(provider, "secretproviderclass.yaml").size());
        ManifestException refused = assertThrows(ManifestException.class, () -> Manifests.load(
                provider.replace("secretObjects:", "secretObject:"), "secretproviderclass.yaml"));
        assertTrue(refused.getMessage().contains("secretObject"), refused.getMessage());
        assertThrows(ManifestException.class, () -> Manifests.load(
                provider.replace("secretName: citadel-env", "secretNmae: citadel-env"), "secretproviderclass.yaml"));
        assertThrows(ManifestException.class, () -> Manifests.load(
                provider.replace("spec:\n  provider: aws", "spce:\n  provider: aws"), "secretproviderclass.yaml"));
        assertThrows(ManifestException.class, () -> Manifests.load(
                provider.replace("  labels:\n    app.kubernetes.io/name: citadel\n", "  lables:\n    app.kubernetes.io/name: citadel\n"),
                "secretproviderclass.yaml"));
    }

    @Test
    void aKustomizationFieldTheRendererDoesNotRenderIsRefused(@TempDir Path overlay) throws IOException {
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: []
                images:
                  - name: registry.example/citadel
                    newTag: 0.2.0
                """);
        ManifestException refused = assertThrows(ManifestException.class, () -> Overlays.render(overlay));
        assertTrue(refused.getMessage().contains("images"), refused.getMessage());
    }
}
