package health.citadel.infra.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The strategic merge the overlays use, on the shapes they patch. */
class StrategicMergeTest {

    private static final ObjectNode DEPLOYMENT = yaml("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: citadel
              labels: {app: citadel}
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: liberty
                      image: citadel:1
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
                    - name: sidecar
                      image: sidecar:1
            """);

    @Test
    void envMergesByNameInPlaceAndAppendsANewName() {
        ObjectNode patched = StrategicMerge.apply(DEPLOYMENT, yaml("""
                spec:
                  template:
                    spec:
                      containers:
                        - name: liberty
                          env:
                            - {name: B, value: "20"}
                            - {name: C, value: "3"}
                """));
        JsonNode liberty = patched.at("/spec/template/spec/containers/0");
        assertEquals("liberty", liberty.path("name").asString());
        assertEquals("citadel:1", liberty.path("image").asString());
        assertEquals("[A=1, B=20, C=3]", env(liberty));
        assertEquals("sidecar:1", patched.at("/spec/template/spec/containers/1/image").asString());
        assertEquals(2, patched.at("/spec/template/spec/containers").size());
    }

    @Test
    void aNewContainerIsAppendedAndScalarsAreReplaced() {
        ObjectNode patched = StrategicMerge.apply(DEPLOYMENT, yaml("""
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - name: exporter
                          image: exporter:1
                """));
        assertEquals(3, patched.at("/spec/replicas").intValue());
        assertEquals(3, patched.at("/spec/template/spec/containers").size());
        assertEquals("exporter", patched.at("/spec/template/spec/containers/2/name").asString());
    }

    @Test
    void mappingsMergeAndNullRemovesAField() {
        ObjectNode patched = StrategicMerge.apply(DEPLOYMENT, yaml("""
                metadata:
                  labels: {region: a}
                  annotations: {note: x}
                spec:
                  replicas: null
                """));
        assertEquals("citadel", patched.at("/metadata/labels/app").asString());
        assertEquals("a", patched.at("/metadata/labels/region").asString());
        assertEquals("x", patched.at("/metadata/annotations/note").asString());
        assertFalse(patched.path("spec").has("replicas"));
    }

    @Test
    void theTargetIsLeftAsItWas() {
        String before = DEPLOYMENT.toString();
        StrategicMerge.apply(DEPLOYMENT, yaml("""
                spec:
                  template:
                    spec:
                      containers:
                        - name: liberty
                          env:
                            - {name: A, value: "changed"}
                """));
        assertEquals(before, DEPLOYMENT.toString());
    }

    @Test
    void aListWithoutAMergeKeyIsRefusedRatherThanMergedDifferently() {
        ManifestException refused = assertThrows(ManifestException.class, () -> StrategicMerge.apply(DEPLOYMENT, yaml("""
                spec:
                  template:
                    spec:
                      containers:
                        - name: liberty
                          args: [--verbose]
                """)));
        assertTrue(refused.getMessage().contains("args"), refused.getMessage());
    }

    @Test
    void anElementWithoutItsMergeKeyIsRefused() {
        assertThrows(ManifestException.class, () -> StrategicMerge.apply(DEPLOYMENT, yaml("""
                spec:
                  template:
                    spec:
                      containers:
                        - image: nameless:1
                """)));
    }

    @Test
    void aPatchDirectiveIsRefused() {
        assertThrows(ManifestException.class, () -> StrategicMerge.apply(DEPLOYMENT, yaml("""
                spec:
                  template:
                    spec:
                      containers:
                        - name: sidecar
                          $patch: delete
                """)));
    }

    private static String env(JsonNode container) {
        StringBuilder pairs = new StringBuilder("[");
        for (JsonNode variable : container.path("env")) {
            pairs.append(pairs.length() > 1 ? ", " : "").append(variable.path("name").asString()).append('=')
                    .append(variable.path("value").asString());
        }
        return pairs.append(']').toString();
    }

    private static ObjectNode yaml(String text) {
        return Manifests.documents(text, "test").get(0);
    }
}
