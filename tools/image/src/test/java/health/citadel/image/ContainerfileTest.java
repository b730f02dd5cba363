package health.citadel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** infra/image/Containerfile, read offline: no registry is needed to hold it to the image's rules. */
class ContainerfileTest {

    private static final Path CONTAINERFILE = Path.of(System.getProperty("citadel.root", "../.."), "infra", "image", "Containerfile");

    private static String containerfile() throws IOException {
        return Files.readString(CONTAINERFILE);
    }

    @Test
    void keepsEveryRule() throws IOException {
        assertEquals(List.of(), ContainerfileRules.violations(containerfile()));
    }

    @Test
    void aTagWithoutDigestIsRefused() throws IOException {
        String text = containerfile().replaceAll("@sha256:[0-9a-f]{64}", "");
        assertHas(text, "not pinned by digest");
    }

    @Test
    void aDigestOfTheWrongFormIsRefused() throws IOException {
        assertHas(containerfile().replaceAll("@sha256:[0-9a-f]{64}", "@sha256:abc"), "not pinned by digest");
    }

    @Test
    void rootIsRefused() throws IOException {
        assertHas(containerfile().replace("USER 1001", "USER root"), "is root");
        assertHas(containerfile().replace("USER 1001", ""), "no USER");
    }

    @Test
    void aMissingHealthcheckIsRefused() throws IOException {
        String text = containerfile().replaceAll("(?s)HEALTHCHECK.*", "");
        assertHas(text, "no HEALTHCHECK");
        assertHas(containerfile().replace("https://127.0.0.1:9444/health/ready", "http://127.0.0.1:9080/"), "over HTTPS");
    }

    @Test
    void aHealthcheckOnThePublicListenerIsRefused() throws IOException {
        assertHas(containerfile().replace("https://127.0.0.1:9444/health/ready", "https://127.0.0.1:9443/health/ready"),
                "must probe the management port 9444");
    }

    @Test
    void bothListenersMustBeSetAndExposed() throws IOException {
        assertHas(containerfile().replace("EXPOSE 9443 9444", "EXPOSE 9443"), "EXPOSE does not name 9444");
        assertHas(containerfile().replace("EXPOSE 9443 9444", "EXPOSE 9444"), "EXPOSE does not name 9443");
        assertHas(containerfile().replace("CITADEL_MANAGEMENT_PORT=9444", "CITADEL_MANAGEMENT_PORT=9443"),
                "CITADEL_HTTPS_PORT and CITADEL_MANAGEMENT_PORT to two ports");
        assertHas(containerfile().replaceAll("CITADEL_MANAGEMENT_PORT=9444 *\\\\\n", ""), "CITADEL_MANAGEMENT_PORT to two ports");
    }

    @Test
    void aCopiedSecretIsRefused() throws IOException {
        String text = containerfile().replace("RUN configure.sh", "COPY .citadel/tls/citadel.p12 /config/resources/security/\nRUN configure.sh");
        assertHas(text, "named like a secret");
        assertHas(containerfile().replace("RUN configure.sh", "ADD keys/records-kek.json /etc/citadel/keys/\nRUN configure.sh"), "named like a secret");
        assertHas(containerfile().replace("RUN configure.sh", "COPY server.env /config/\nRUN configure.sh"), "named like a secret");
        assertHas(containerfile().replace("KEYSTORE_REQUIRED=false", "CITADEL_TLS_KEYSTORE_PASSWORD=hunter2"), "password or secret in a layer");
    }

    @Test
    void configureMustRunLast() throws IOException {
        assertHas(containerfile().replace("RUN configure.sh", ""), "no RUN configure.sh");
        assertHas(containerfile().replace("RUN features.sh", ""), "no RUN features.sh");
        String early = containerfile().replace("RUN configure.sh", "").replace("RUN features.sh", "RUN features.sh && configure.sh");
        assertHas(early, "must come after");
    }

    @Test
    void writableDirectoriesMustBeUnderTmp() throws IOException {
        assertHas(containerfile().replace("WLP_OUTPUT_DIR=/tmp/wlp/output", "WLP_OUTPUT_DIR=/opt/ol/wlp/output"), "under /tmp");
    }

    @Test
    void continuationsAndCommentsAreRead() {
        List<ContainerfileRules.Instruction> parsed = ContainerfileRules.parse("""
                # a comment
                ENV A=1 \\
                # inside
                    B=2
                RUN x
                """);
        assertEquals(List.of(new ContainerfileRules.Instruction("ENV", "A=1  B=2"), new ContainerfileRules.Instruction("RUN", "x")), parsed);
    }

    private static void assertHas(String text, String fragment) {
        List<String> violations = ContainerfileRules.violations(text);
        assertTrue(violations.stream().anyMatch(v -> v.contains(fragment)), () -> "expected a violation with \"" + fragment + "\", got " + violations);
    }
}
