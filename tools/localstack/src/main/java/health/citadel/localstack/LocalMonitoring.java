package health.citadel.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * {@code bin/citadel up --with-monitoring}: Debian's Prometheus and Alertmanager, when installed, beside the stack
 * on loopback. Prometheus scrapes Liberty over HTTPS trusting only the stack's certificate and loads the rules of
 * infra/observability; Alertmanager runs its configuration as it is, so its routes and inhibitions can be seen at
 * work (its receivers are placeholders: notifications fail, and are not the point here).
 */
final class LocalMonitoring {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path repository;
    private final StackHome home;
    private final StackPorts ports;

    /** One of the two servers: its program, port, folder and pid file. */
    private record Server(String name, String program, int port, Path folder) {
        Path pidFile() {
            return folder.resolve("server.pid");
        }

        Path log() {
            return folder.resolve("server.log");
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        OptionalLong pid() {
            return PidFile.read(pidFile());
        }
    }

    LocalMonitoring(Path repository, StackHome home, StackPorts ports) {
        this.repository = repository;
        this.home = home;
        this.ports = ports;
    }

    private Server prometheus() {
        return new Server("Prometheus", "prometheus", ports.prometheus(), home.root().resolve("monitoring/prometheus"));
    }

    private Server alertmanager() {
        return new Server("Alertmanager", "prometheus-alertmanager", ports.alertmanager(),
                home.root().resolve("monitoring/alertmanager"));
    }

    /** Starts what is installed and not running yet, and says where each is, or why it is not there. */
    void up(Path libertyCertificate, int libertyPort, PrintStream out) {
        Server alertmanager = alertmanager();
        Server prometheus = prometheus();
        start(alertmanager, out, List.of("--config.file=" + observability("alertmanager/alertmanager.yml"),
                "--storage.path=" + alertmanager.folder(), "--web.listen-address=127.0.0.1:" + alertmanager.port(),
                // no gossip with other Alertmanagers on this machine
                "--cluster.listen-address="), () -> { });
        start(prometheus, out, List.of("--config.file=" + prometheus.folder().resolve("prometheus.yml"),
                "--storage.tsdb.path=" + prometheus.folder().resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheus.port()),
                () -> writeConfiguration(prometheus.folder(), libertyCertificate, libertyPort, alertmanager.port()));
    }

    void down() {
        for (Server server : List.of(prometheus(), alertmanager())) {
            server.pid().ifPresent(pid -> Commands.stopTree(pid, Duration.ofSeconds(30)));
            PidFile.delete(server.pidFile());
        }
    }

    /** The servers that run, as parts of the stack it may do without; none when monitoring was not asked for. */
    List<StackStatus.Part> running() {
        return Stream.of(prometheus(), alertmanager()).filter(server -> server.pid().isPresent())
                .map(server -> new StackStatus.Part(server.name(), server.pid(), server.url(), Map.of(), true))
                .toList();
    }

    private void start(Server server, PrintStream out, List<String> arguments, Runnable prepare) {
        if (server.pid().isPresent()) {
            out.println("  " + server.name() + " runs already: " + server.url());
            return;
        }
        Optional<Path> program = installed(server.program());
        if (program.isEmpty()) {
            out.println("  " + server.name() + " is not installed (Debian: apt-get install prometheus "
                    + "prometheus-alertmanager); started without it");
            return;
        }
        StackPorts.requireFree(server.port(), server.name());
        try {
            Files.createDirectories(server.folder());
        } catch (IOException e) {
            throw new StackException("cannot create " + server.folder() + ": " + e.getMessage(), e);
        }
        prepare.run();
        List<String> command = new ArrayList<>(List.of(program.get().toString()));
        command.addAll(arguments);
        Process process = Commands.startDetached(command, Map.of(), server.log());
        PidFile.write(server.pidFile(), process.pid());
        Readiness.await(server.name(), START_TIMEOUT, () -> server.pid().isPresent(), server.log().toString(),
                HttpClient.newHttpClient(), URI.create(server.url() + "/-/ready"), response -> response.statusCode() == 200);
        out.println("  " + server.name() + " " + server.url() + "   log: " + server.log());
    }

    /** Every 5 s, so that a local change shows quickly; the rules as a deployment loads them. */
    private void writeConfiguration(Path folder, Path libertyCertificate, int libertyPort, int alertmanagerPort) {
        StringBuilder config = new StringBuilder("""
                # written by bin/citadel up --with-monitoring for this stack; rewritten at each start
                global:
                  scrape_interval: 5s
                  evaluation_interval: 5s
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['127.0.0.1:%d']
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: citadel
                    scheme: https
                    tls_config:
                      ca_file: %s
                    static_configs:
                      - targets: ['localhost:%d']
                """.formatted(alertmanagerPort, observability("prometheus/rules"), libertyCertificate, libertyPort));
        try {
            Files.writeString(folder.resolve("prometheus.yml"), config);
        } catch (IOException e) {
            throw new StackException("cannot write the Prometheus configuration: " + e.getMessage(), e);
        }
    }

    private Path observability(String path) {
        return repository.resolve("infra/observability").resolve(path);
    }

    private static Optional<Path> installed(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }
}
