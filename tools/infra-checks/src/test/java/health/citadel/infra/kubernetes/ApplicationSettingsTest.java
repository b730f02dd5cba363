package health.citadel.infra.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests configure the application Citadel is: every CITADEL_ variable they set is one that Liberty's
 * server.xml, the application's MicroProfile Config, the DR tool or bin/citadel reads, and the port and paths the
 * probes ask are the ones server.xml serves.
 */
class ApplicationSettingsTest {

    private static final Pattern VARIABLE = Pattern.compile("CITADEL_[A-Z0-9_]+");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"(citadel\\.[^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"region-a", "region-b"})
    void everyVariableTheManifestsSetIsOneCitadelReads(String region) {
        Set<String> read = variablesCitadelReads();
        List<String> invented = unread(Regions.policies(region), read);
        assertEquals(List.of(), invented, "set in " + region + " but read by nothing in Citadel");
    }

    @Test
    void aVariableNothingReadsIsReported() {
        ClusterPolicies region = Regions.policies("region-a");
        region.all(io.fabric8.kubernetes.api.model.apps.Deployment.class).get(0).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().add(new EnvVar("CITADEL_DATABASE_PASSWORD", "x", null));
        assertEquals(List.of("CITADEL_DATABASE_PASSWORD"), unread(region, variablesCitadelReads()));
    }

    @Test
    void theServerServesHttpsOnlyOnThePortVariableTheProbesUse() throws IOException {
        String server = Files.readString(Repository.root().resolve("liberty-config/server.xml"));
        assertTrue(server.contains("httpPort=\"-1\""), "no plain HTTP listener");
        assertTrue(server.contains("httpsPort=\"${env.CITADEL_HTTPS_PORT}\""), "the HTTPS port is CITADEL_HTTPS_PORT");
        assertTrue(server.contains("host=\"${CITADEL_BIND_HOST}\""), "the interface is CITADEL_BIND_HOST");
        // the probes' and the scraper's listener, on which alone default_host (Liberty's /health, /metrics) answers
        assertTrue(server.contains("httpsPort=\"${env.CITADEL_MANAGEMENT_PORT}\""), "the management port is CITADEL_MANAGEMENT_PORT");
        assertTrue(server.contains("host=\"${CITADEL_MANAGEMENT_BIND_HOST}\""), "its interface is CITADEL_MANAGEMENT_BIND_HOST");
        assertTrue(server.contains("<virtualHost id=\"default_host\" allowFromEndpointRef=\"managementEndpoint\">"),
                "Liberty's own endpoints only on the management listener");
        assertTrue(server.contains("<feature>mpHealth-4.0</feature>"), "/health/started, /health/live and /health/ready");
    }

    private static List<String> unread(ClusterPolicies region, Set<String> read) {
        List<String> unread = new ArrayList<>();
        for (ClusterPolicies.Workload workload : region.workloads()) {
            for (Container container : workload.template().getSpec().getContainers()) {
                for (EnvVar variable : container.getEnv()) {
                    String name = variable.getName();
                    boolean known = read.contains(name) || read.stream().anyMatch(r -> r.endsWith("_") && name.startsWith(r));
                    if (name.startsWith("CITADEL_") && !known) {
                        unread.add(name);
                    }
                }
            }
        }
        return unread;
    }

    /**
     * Every CITADEL_ name in liberty-config, bin/citadel and the modules' main sources (a name ending in _ is a
     * prefix, as CITADEL_DR_REGION_ for CITADEL_DR_REGION_A_URL), and each MicroProfile Config property as the
     * environment variable MicroProfile maps to it (citadel.records.kek-keyset: CITADEL_RECORDS_KEK_KEYSET).
     */
    private static Set<String> variablesCitadelReads() {
        Path root = Repository.root();
        Set<String> names = new TreeSet<>();
        List<Path> sources = new ArrayList<>(List.of(root.resolve("bin/citadel")));
        try (Stream<Path> config = Files.walk(root.resolve("liberty-config"));
             Stream<Path> modules = Files.walk(root.resolve("modules"))) {
            config.filter(Files::isRegularFile).forEach(sources::add);
            modules.filter(path -> path.toString().contains("/src/main/") && Files.isRegularFile(path)).forEach(sources::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path source : sources) {
            String text;
            try {
                text = Files.readString(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher variable = VARIABLE.matcher(text);
            while (variable.find()) {
                names.add(variable.group());
            }
            Matcher property = CONFIG_PROPERTY.matcher(text);
            while (property.find()) {
                names.add(property.group(1).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
            }
        }
        assertTrue(names.contains("CITADEL_RECORDS_KEK_KEYSET") && names.contains("CITADEL_DR_REGION_"), names.toString());
        return names;
    }
}
