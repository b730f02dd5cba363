package health.citadel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each of {@link ImageRules}' checks fails when it should: a small image that keeps every rule, changed one way at a
 * time. Needs no image tarball, so it runs in every build.
 */
class ImageRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA = "usr/lib/jvm/java-17-openjdk-amd64/bin/java";

    static OciImage good() {
        ObjectNode config = JSON.createObjectNode();
        config.put("User", "1001");
        ObjectNode ports = config.putObject("ExposedPorts");
        ports.putObject("9443/tcp");
        ports.putObject("9444/tcp");
        ObjectNode labels = config.putObject("Labels");
        ImageRules.LABELS.forEach(l -> labels.put("org.opencontainers.image." + l, "x"));
        config.putArray("Env").add("WLP_OUTPUT_DIR=/tmp/wlp/output").add("X_LOG_DIR=/tmp/wlp/logs").add("CITADEL_HTTPS_PORT=9443")
                .add("CITADEL_MANAGEMENT_PORT=9444");
        config.putArray("Entrypoint").add("/" + JAVA).add("@/opt/ol/wlp/lib/platform/java/java9.options")
                .add("-javaagent:/opt/ol/wlp/bin/tools/ws-javaagent.jar").add("-jar").add("/opt/ol/wlp/bin/tools/ws-server.jar").add("citadel");
        List<OciImage.Entry> entries = new ArrayList<>();
        entries.add(file(JAVA, 0755));
        entries.add(new OciImage.Entry("tmp", 0777, 0, 0, 0, true, false));
        for (String path : List.of("opt/ol/wlp/lib/platform/java/java9.options", "opt/ol/wlp/bin/tools/ws-javaagent.jar",
                "opt/ol/wlp/bin/tools/ws-server.jar", ImageRules.SERVER + "server.xml", ImageRules.SERVER + "jvm.options",
                ImageRules.SERVER + "apps/citadel.war", "opt/ol/wlp/usr/shared/resources/jdbc/postgresql-42.7.14.jar")) {
            entries.add(file(path, 0644));
        }
        return new OciImage(config, List.of(new OciImage.Layer("sha256:good", entries)), Map.of());
    }

    private static OciImage.Entry file(String path, int mode) {
        return new OciImage.Entry(path, mode, 0, 0, 1, false, false);
    }

    /** A private key made for this run, in PEM: the repository holds no key, not even a planted one. */
    private static byte[] freshPrivateKeyPem() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        return ("-----BEGIN " + "PRIVATE KEY-----\n" + body + "\n-----END " + "PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theGoodImageKeepsEveryRule() {
        assertEquals(List.of(), ImageRules.violations(good()));
    }

    @Test
    void rootOrANameIsRefused() {
        for (String user : List.of("0", "0:0", "root", "", "citadel")) {
            ObjectNode config = good().config().deepCopy();
            config.put("User", user);
            assertHas(good().withConfig(config), "not a numeric non-root user");
        }
    }

    @Test
    void thePortAndTheLabelsMustBeThere() {
        ObjectNode config = good().config().deepCopy();
        config.putObject("ExposedPorts").putObject("9080/tcp");
        assertHas(good().withConfig(config), "9443/tcp is not exposed");
        ObjectNode publicOnly = good().config().deepCopy();
        ((ObjectNode) publicOnly.path("ExposedPorts")).remove("9444/tcp");
        assertHas(good().withConfig(publicOnly), "9444/tcp is not exposed");
        ObjectNode unlabelled = good().config().deepCopy();
        ((ObjectNode) unlabelled.path("Labels")).remove("org.opencontainers.image.revision");
        assertHas(good().withConfig(unlabelled), "no org.opencontainers.image.revision label");
    }

    @Test
    void bothListenersMustBeSetToTheirPorts() {
        ObjectNode config = good().config().deepCopy();
        ((ArrayNode) config.path("Env")).remove(3);
        assertHas(good().withConfig(config), "Env does not set CITADEL_MANAGEMENT_PORT=9444");
        ObjectNode same = good().config().deepCopy();
        ((ArrayNode) same.path("Env")).set(3, JSON.getNodeFactory().textNode("CITADEL_MANAGEMENT_PORT=9443"));
        assertHas(good().withConfig(same), "Env does not set CITADEL_MANAGEMENT_PORT=9444");
        ObjectNode noPublic = good().config().deepCopy();
        ((ArrayNode) noPublic.path("Env")).remove(2);
        assertHas(good().withConfig(noPublic), "Env does not set CITADEL_HTTPS_PORT=9443");
    }

    @Test
    void aPasswordInTheEnvironmentIsRefused() {
        ObjectNode config = good().config().deepCopy();
        ((ArrayNode) config.path("Env")).add("CITADEL_TLS_KEYSTORE_PASSWORD=hunter2");
        assertHas(good().withConfig(config), "CITADEL_TLS_KEYSTORE_PASSWORD is set in the image");
    }

    @Test
    void anEntrypointNamingWhatIsNotThereIsRefused() {
        ObjectNode config = good().config().deepCopy();
        ((ArrayNode) config.path("Entrypoint")).insert(1, "@/opt/ol/wlp/usr/servers/citadel/missing.options");
        assertHas(good().withConfig(config), "missing.options, which is not in the image");
        ObjectNode other = good().config().deepCopy();
        ((ArrayNode) other.path("Entrypoint")).set(5, JSON.getNodeFactory().textNode("defaultServer"));
        assertHas(good().withConfig(other), "does not start Liberty's launcher on the citadel server");
    }

    @Test
    void theWarTheConfigAndTheDriverMustBeThere() {
        OciImage image = good();
        List<OciImage.Entry> without = image.layers().get(0).entries().stream()
                .filter(e -> !e.path().endsWith(".war") && !e.path().endsWith("server.xml") && !e.path().contains("postgresql")).toList();
        OciImage bare = new OciImage(image.config(), List.of(new OciImage.Layer("sha256:bare", without)), Map.of());
        assertHas(bare, "citadel.war is not in any layer");
        assertHas(bare, "server.xml is not in any layer");
        assertHas(bare, "PostgreSQL's driver is not in");
    }

    @Test
    void secretFilesAreFoundByNameAndByContent() throws GeneralSecurityException {
        for (String path : List.of("etc/citadel/tls/keystore.p12", "opt/ol/wlp/usr/servers/citadel/resources/security/key.jks",
                "etc/citadel/tls/server.key", "etc/citadel/keys/records-kek.json", "etc/citadel/keys/keyset-2.json",
                "opt/ol/wlp/usr/servers/citadel/server.env", "tmp/secrets.properties")) {
            assertHas(good().withLayer(List.of(file(path, 0644)), Map.of()), path + " is named like a secret");
        }
        String pem = "opt/ol/wlp/usr/servers/citadel/tls.pem";
        assertHas(good().withLayer(List.of(file(pem, 0644)), Map.of(pem, freshPrivateKeyPem())), "holds a PEM private key");
        String keyset = "opt/ol/wlp/usr/servers/citadel/k.json";
        String tink = "{\"primaryKeyId\":1,\"key\":[{\"keyData\":{\"keyMaterialType\":\"SYMMETRIC\"}}]}";
        assertHas(good().withLayer(List.of(file(keyset, 0644)), Map.of(keyset, tink.getBytes(StandardCharsets.UTF_8))),
                "Tink keyset with secret key material");
        String env = "opt/ol/wlp/etc/default.env";
        assertHas(good().withLayer(List.of(file(env, 0644)), Map.of(env, "CITADEL_DB_PASSWORD=x\n".getBytes(StandardCharsets.UTF_8))),
                "assigns a password or secret");
        // a public certificate and a public keyset are no secrets
        String publicKeyset = "{\"primaryKeyId\":1,\"key\":[{\"keyData\":{\"keyMaterialType\":\"ASYMMETRIC_PUBLIC\"}}]}";
        assertEquals(List.of(), ImageRules.violations(good().withLayer(List.of(file("etc/ca.crt", 0644), file("etc/public.json", 0644)),
                Map.of("etc/ca.crt", "-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.UTF_8),
                        "etc/public.json", publicKeyset.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void aFileTheServerCouldWriteIsRefused() {
        assertHas(good().withLayer(List.of(file(ImageRules.SERVER + "server.xml", 0664)), Map.of()), "is writable by the server");
        assertHas(good().withLayer(List.of(new OciImage.Entry("opt/ol/wlp/output", 0755, 1001, 0, 0, true, false)), Map.of()),
                "is writable by the server");
    }

    @Test
    void outputOutsideTmpIsRefused() {
        ObjectNode config = good().config().deepCopy();
        ((ArrayNode) config.path("Env")).set(0, JSON.getNodeFactory().textNode("WLP_OUTPUT_DIR=/opt/ol/wlp/output"));
        assertHas(good().withConfig(config), "must point under /tmp");
    }

    private static void assertHas(OciImage image, String fragment) {
        List<String> violations = ImageRules.violations(image);
        assertTrue(violations.stream().anyMatch(v -> v.contains(fragment)), () -> "expected a violation with \"" + fragment + "\", got " + violations);
    }
}
