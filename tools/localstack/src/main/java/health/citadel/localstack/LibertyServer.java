package health.citadel.localstack;

import health.citadel.platform.tls.TrustedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Open Liberty from its Maven Central runtime, serving the WAR over HTTPS only, with the repository's
 * {@code liberty-config/} and a {@code server.env} that carries this stack's ports and secrets.
 */
final class LibertyServer {

    static final String SERVER = "citadel";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /** Liberty's message for an application that could not start. */
    private static final String APPLICATION_FAILED = "CWWKZ0002E";

    private final StackHome home;
    private final StackPorts ports;
    private final StackSecrets secrets;
    private final StackCertificates certificates;
    private final Path wlp;
    private final Path serverDir;
    private final Path log;

    LibertyServer(StackHome home, StackPorts ports, StackSecrets secrets) {
        this.home = home;
        this.ports = ports;
        this.secrets = secrets;
        this.certificates = new StackCertificates(home);
        this.wlp = home.runtime().resolve("wlp");
        this.serverDir = home.libertyUser().resolve("servers").resolve(SERVER);
        this.log = home.logs().resolve("liberty");
    }

    String url() {
        return "https://localhost:" + ports.app();
    }

    /** Where Liberty's /health, /metrics and /openapi answer: not on the public listener. */
    String managementUrl() {
        return "https://localhost:" + ports.management();
    }

    /** What a client of Liberty trusts: the stack's authority, which issued Liberty's certificate. */
    Path certificate() {
        return certificates.authority();
    }

    OptionalLong pid() {
        return PidFile.read(home.libertyUser().resolve("servers/.pid/" + SERVER + ".pid"));
    }

    boolean running() {
        return pid().isPresent();
    }

    void install(Path runtimeZip) {
        if (!Files.isRegularFile(wlp.resolve("bin/server"))) {
            Archives.unzipStrippingTop(runtimeZip, wlp);
        }
    }

    /** Lays out the server: configuration, the WAR, the JDBC driver, its TLS stores and the environment. */
    void configure(Path libertyConfig, Path war, Path jdbcDriver, Map<String, String> settings, String extraJvmArgs) {
        try {
            Files.createDirectories(serverDir.resolve("apps"));
            try (Stream<Path> files = Files.list(libertyConfig)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, serverDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(war, serverDir.resolve("apps/citadel.war"), StandardCopyOption.REPLACE_EXISTING);
            Path drivers = home.libertyUser().resolve("shared/resources/jdbc");
            Files.createDirectories(drivers);
            Files.copy(jdbcDriver, drivers.resolve(jdbcDriver.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("cannot lay out the Liberty server: " + e.getMessage(), e);
        }
        String storePassword = secrets.get(StackSecrets.KEYSTORE_PASSWORD);
        certificates.writeLibertyStores(storePassword.toCharArray());
        Map<String, String> environment = new LinkedHashMap<>(settings);
        environment.put("CITADEL_HTTPS_PORT", String.valueOf(ports.app()));
        environment.put("CITADEL_MANAGEMENT_PORT", String.valueOf(ports.management()));
        environment.put("CITADEL_TLS_KEYSTORE", certificates.keystore().toString());
        environment.put("CITADEL_TLS_KEYSTORE_PASSWORD", storePassword);
        environment.put("CITADEL_TLS_TRUSTSTORE", certificates.truststore().toString());
        environment.put("CITADEL_TLS_TRUSTSTORE_PASSWORD", storePassword);
        environment.put("LOG_DIR", log.toString());
        environment.put("JVM_ARGS", extraJvmArgs);
        StringBuilder serverEnv = new StringBuilder("# Written by bin/citadel up; holds secrets\n");
        environment.forEach((key, value) -> serverEnv.append(key).append('=').append(value).append('\n'));
        StackHome.writeSecretFile(serverDir.resolve("server.env"), serverEnv.toString());
    }

    void start() {
        Commands.run(List.of(wlp.resolve("bin/server").toString(), "start", SERVER), serverScriptEnvironment(),
                home.logs().resolve("liberty-start.log"), START_TIMEOUT, "starting Liberty");
    }

    void awaitReady() {
        Readiness.await("Liberty", START_TIMEOUT, this::runningWithApplication, messages().toString(),
                HttpClient.newBuilder().sslContext(TrustedCertificate.sslContext(certificate())).build(),
                URI.create(managementUrl() + "/health/ready"), response -> response.statusCode() == 200);
    }

    /** Running, and the application has not failed to start: a failed start is reported at once. */
    private boolean runningWithApplication() {
        try {
            if (Files.isRegularFile(messages())) {
                try (Stream<String> lines = Files.lines(messages())) {
                    lines.filter(line -> line.contains(APPLICATION_FAILED)).findFirst().ifPresent(line -> {
                        throw new StackException("the application failed to start in Liberty (" + APPLICATION_FAILED
                                + "); see " + messages());
                    });
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the log is being rotated or written; the next poll reads it again
        }
        return running();
    }

    private Path messages() {
        return log.resolve("messages.log");
    }

    void stop() {
        if (running()) {
            Commands.run(List.of(wlp.resolve("bin/server").toString(), "stop", SERVER), serverScriptEnvironment(),
                    home.logs().resolve("liberty-start.log"), Duration.ofMinutes(1), "stopping Liberty");
        }
    }

    private Map<String, String> serverScriptEnvironment() {
        return Map.of("WLP_USER_DIR", home.libertyUser().toString(),
                "JAVA_HOME", System.getProperty("java.home"));
    }
}
