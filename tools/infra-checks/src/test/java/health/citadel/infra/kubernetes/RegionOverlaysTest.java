package health.citadel.infra.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each region's overlay renders to the base with that region's settings; both declare the same objects. */
class RegionOverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "b"})
    void eachRegionRendersTheBaseWithItsOwnSettings(String region) {
        String other = region.equals("a") ? "b" : "a";
        ClusterPolicies rendered = Regions.policies("region-" + region);
        for (HasMetadata resource : rendered.all(HasMetadata.class)) {
            assertEquals(region, resource.getMetadata().getLabels().get("citadel.health/region"), ClusterPolicies.name(resource));
            assertEquals(resource instanceof Namespace ? null : "citadel", resource.getMetadata().getNamespace(),
                    ClusterPolicies.name(resource));
        }
        Deployment deployment = rendered.all(Deployment.class).get(0);
        List<EnvVar> env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertTrue(value(env, "CITADEL_DB_URL").startsWith("jdbc:postgresql://db.region-" + region + ".citadel.internal:5432,db.region-"
                + other + ".citadel.internal:5432/citadel?targetServerType=primary"), value(env, "CITADEL_DB_URL"));
        assertTrue(value(env, "CITADEL_JWT_JWKS_URI").startsWith("https://keycloak.region-" + region + "."), value(env, "CITADEL_JWT_JWKS_URI"));
        assertEquals("https://login.hospital.example:8443/realms/citadel", value(env, "CITADEL_JWT_ISSUER"), "one issuer for both regions");
        // the patch changed its variables and left the others where the base put them
        assertEquals("POD_NAME", env.get(0).getName());
        assertEquals("9443", value(env, "CITADEL_HTTPS_PORT"));
        CronJob backup = rendered.all(CronJob.class).get(0);
        assertEquals("cronjob/citadel-backup@region-" + region,
                value(backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv(), "CITADEL_DR_OPERATOR"));
        rendered.all(SecretProviderClass.class).forEach(provider ->
                assertTrue(provider.getSpec().parameters().get("region").matches("[a-z]{2}-[a-z]+-[0-9]"), ClusterPolicies.name(provider)));
    }

    @Test
    void theRegionsBackUpAtDifferentTimes() {
        assertTrue(!schedule("region-a").equals(schedule("region-b")), "both regions back up at " + schedule("region-a"));
    }

    @Test
    void bothRegionsDeclareTheSameResources() {
        List<HasMetadata> a = Regions.render("region-a");
        assertEquals(List.of(), ClusterPolicies.differencesBetweenRegions(a, Regions.render("region-b")));
        assertTrue(a.size() >= 12, "rendered: " + a.size());
    }

    @Test
    void aResourceOnlyOneRegionDeclaresIsReported() {
        List<HasMetadata> b = new ArrayList<>(Regions.render("region-b"));
        HasMetadata removed = b.remove(b.size() - 1);
        List<String> differences = ClusterPolicies.differencesBetweenRegions(Regions.render("region-a"), b);
        assertEquals(1, differences.size(), differences.toString());
        assertTrue(differences.get(0).contains(removed.getMetadata().getName()), differences.toString());
    }

    @Test
    void aPatchOfAnObjectTheBaseDoesNotDeclareIsRefused(@TempDir Path overlay) throws IOException {
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - path: patch.yaml
                """.formatted(Repository.kubernetes().resolve("base")));
        Files.writeString(overlay.resolve("patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: citadle
                spec:
                  replicas: 3
                """);
        ManifestException refused = assertThrows(ManifestException.class, () -> Overlays.render(overlay));
        assertTrue(refused.getMessage().contains("citadle"), refused.getMessage());
    }

    @Test
    void aMisspelledFieldInARegionsPatchIsRefusedInTheRendering(@TempDir Path overlay) throws IOException {
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: citadel
                resources:
                  - %s
                patches:
                  - path: patch.yaml
                """.formatted(Repository.kubernetes().resolve("base")));
        Files.writeString(overlay.resolve("patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: citadel
                spec:
                  template:
                    spec:
                      containers:
                        - name: liberty
                          securityContext:
                            readOnlyRootFilesystm: false
                """);
        ManifestException refused = assertThrows(ManifestException.class, () -> Overlays.load(overlay));
        assertTrue(refused.getMessage().contains("readOnlyRootFilesystm"), refused.getMessage());
    }

    private static String schedule(String region) {
        return Regions.policies(region).all(CronJob.class).get(0).getSpec().getSchedule();
    }

    private static String value(List<EnvVar> env, String name) {
        return env.stream().filter(v -> v.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not set"));
    }
}
