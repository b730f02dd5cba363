package health.citadel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The running local stack, as {@code bin/citadel up} describes it in {@code stack.json} and
 * {@code demo-logins.json}; and its one lever the benchmark pulls: restarting Liberty with another WAR.
 */
final class LocalStack {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(5);
    /** A rate no workload here reaches. */
    private static final String UNLIMITED = "1000000";

    final Path repository;
    final Path home;
    final JsonNode stack;
    private final Map<String, JsonNode> logins = new HashMap<>();

    LocalStack(Path repository, Path home) {
        this.repository = repository;
        this.home = home;
        Path descriptor = home.resolve("stack.json");
        if (!Files.isRegularFile(descriptor)) {
            throw new BenchFailure("no local stack at " + home + ": run bin/citadel up first");
        }
        try {
            this.stack = JSON.readTree(descriptor.toFile());
            for (JsonNode login : JSON.readTree(home.resolve("demo-logins.json").toFile())) {
                logins.put(login.get("username").asText(), login);
            }
        } catch (IOException e) {
            throw new BenchFailure("cannot read the stack's descriptors in " + home + ": " + e.getMessage(), e);
        }
    }

    /** Liberty's process, as its server script recorded it: what {@code jcmd} attaches to. */
    long libertyPid() {
        Path pidFile = home.resolve("liberty/servers/.pid/citadel.pid");
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new BenchFailure("Liberty's process id is not readable in " + pidFile + ": " + e.getMessage(), e);
        }
    }

    /** The parts of the stack whose CPU the benchmark meters: the processes this stack's files name. */
    List<MachineCpu.Part> cpuParts() {
        Map<String, OptionalLong> pids = new LinkedHashMap<>();
        pids.put("Liberty", OptionalLong.of(libertyPid()));
        pids.put("PostgreSQL A", firstLineNumber(home.resolve("postgres/a/postmaster.pid")));
        pids.put("PostgreSQL B", firstLineNumber(home.resolve("postgres/b/postmaster.pid")));
        pids.put("Keycloak", firstLineNumber(home.resolve("run/keycloak.pid")));
        pids.put("bench client", OptionalLong.of(ProcessHandle.current().pid()));
        return MachineCpu.parts(pids);
    }

    private static OptionalLong firstLineNumber(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readAllLines(file).get(0).strip()));
        } catch (IOException | RuntimeException missing) {
            return OptionalLong.empty();
        }
    }

    String appUrl() {
        return stack.at("/app/url").asText();
    }

    Path certificate() {
        return Path.of(stack.at("/app/certificate").asText());
    }

    String tokenEndpoint() {
        return stack.at("/tokenClient/tokenEndpoint").asText();
    }

    String tokenClient() {
        return stack.at("/tokenClient/clientId").asText();
    }

    /** The portal client's secret, from the stack's {@code secrets.properties}. */
    String portalClientSecret() {
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(home.resolve("secrets.properties"))) {
            secrets.load(in);
        } catch (IOException e) {
            throw new BenchFailure("cannot read the stack's secrets in " + home + ": " + e.getMessage(), e);
        }
        return Optional.ofNullable(secrets.getProperty("keycloak.portal.client-secret"))
                .orElseThrow(() -> new BenchFailure("the stack's secrets name no portal client secret"));
    }

    JsonNode login(String username) {
        JsonNode login = logins.get(username);
        if (login == null) {
            throw new BenchFailure("demo-logins.json has no login " + username);
        }
        return login;
    }

    /** The writer, as its DBA: for the raw-insert floor and for checking what a variant stored. */
    Connection writerAsDba() throws SQLException {
        return regionAsDba(writerRegion());
    }

    Path productionWar() {
        return repository.resolve("modules/app/target/citadel.war");
    }

    Path benchJars() {
        return repository.resolve("bench/target");
    }

    Path workDir() {
        return home.resolve("bench");
    }

    /**
     * Restarts Liberty with {@code war} through {@code bin/citadel restart}; returns how long it took until ready.
     * The per-user and per-address rate limits are lifted: the workload's few demo users on loopback stand for a
     * hospital's many, and the benchmark measures the code, not the limits.
     */
    /**
     * The JVM options Liberty is restarted with, from {@code CITADEL_JVM_ARGS}: empty as shipped. A run with
     * others (the test suite's C1-only JIT, a profiler) does not measure what a hospital runs, so it says so.
     */
    static String libertyJvmOptions() {
        return System.getenv().getOrDefault("CITADEL_JVM_ARGS", "").strip();
    }

    Duration restartWith(Path war) throws IOException, InterruptedException {
        return restartWith(war, Map.of());
    }

    /** @param settings more of the application's settings, for this start only */
    Duration restartWith(Path war, Map<String, String> settings) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Map<String, String> environment = new HashMap<>(Map.of("CITADEL_WAR", war.toString(),
                "CITADEL_RATE_LIMIT_USER_BURST", UNLIMITED, "CITADEL_RATE_LIMIT_USER_PER_SECOND", UNLIMITED,
                "CITADEL_RATE_LIMIT_ADDRESS_BURST", UNLIMITED, "CITADEL_RATE_LIMIT_ADDRESS_PER_SECOND", UNLIMITED));
        environment.putAll(settings);
        run(RESTART_TIMEOUT, environment, "restart");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@code bin/citadel down}, then {@code up}: the whole stack's start, as a person runs it. */
    Duration downAndUp() throws IOException, InterruptedException {
        run(RESTART_TIMEOUT, Map.of(), "down");
        long started = System.nanoTime();
        run(RESTART_TIMEOUT, Map.of(), "up");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** What the last {@code up} recorded of its start: until ready, and Liberty's own part where it started it. */
    JsonNode startup() throws IOException {
        return JSON.readTree(home.resolve("stack.json").toFile()).get("startup");
    }

    /** A {@code bin/citadel} command that must succeed; what it printed. */
    String citadel(String... arguments) throws IOException, InterruptedException {
        return run(RESTART_TIMEOUT, Map.of(), arguments);
    }

    /** The region {@code stack.json} named the writer when the benchmark began, and the other. */
    String writerRegion() {
        for (var region : stack.get("regions").properties()) {
            if ("writer".equals(region.getValue().get("role").asText())) {
                return region.getKey();
            }
        }
        throw new BenchFailure("stack.json names no writer region");
    }

    String standbyRegion() {
        for (var region : stack.get("regions").properties()) {
            if (!"writer".equals(region.getValue().get("role").asText())) {
                return region.getKey();
            }
        }
        throw new BenchFailure("stack.json names no standby region");
    }

    /** The patients in a region's register, counted as its DBA. */
    long patients(String region) throws SQLException {
        try (Connection dba = regionAsDba(region); Statement statement = dba.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM records.patient")) {
            count.next();
            return count.getLong(1);
        }
    }

    Connection regionAsDba(String name) throws SQLException {
        JsonNode region = stack.at("/regions/" + name);
        return DriverManager.getConnection(region.get("jdbcUrl").asText(), region.get("dbaUser").asText(),
                region.get("dbaPassword").asText());
    }

    private String run(Duration timeout, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        Path log = home.resolve("logs/bench-citadel.log");
        Path output = Files.createTempFile(workDir().getParent(), "bench-citadel", ".out");
        List<String> command = new ArrayList<>(List.of(repository.resolve("bin/citadel").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("CITADEL_HOME", home.toString());
        builder.environment().put("CITADEL_NO_BUILD", "1");
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroy();
                throw new BenchFailure("bin/citadel " + String.join(" ", arguments) + " took longer than " + timeout
                        + "; see " + log);
            }
            String printed = Files.readString(output);
            if (process.exitValue() != 0) {
                Files.writeString(log, printed, StandardOpenOption.APPEND);
                throw new BenchFailure("bin/citadel " + String.join(" ", arguments) + " failed; see " + log);
            }
            return printed;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
