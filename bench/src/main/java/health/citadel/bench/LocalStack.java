package health.citadel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The running local stack, as {@code bin/citadel up} describes it in {@code stack.json} and
 * {@code demo-logins.json}; and its one lever the benchmark pulls: restarting Liberty with another WAR.
 */
final class LocalStack {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(5);

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

    JsonNode login(String username) {
        JsonNode login = logins.get(username);
        if (login == null) {
            throw new BenchFailure("demo-logins.json has no login " + username);
        }
        return login;
    }

    /** Region A, the writer, as its DBA: for the raw-insert floor and for checking what a variant stored. */
    Connection writerAsDba() throws SQLException {
        JsonNode writer = stack.at("/regions/a");
        return DriverManager.getConnection(writer.get("jdbcUrl").asText(), writer.get("dbaUser").asText(),
                writer.get("dbaPassword").asText());
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

    /** Restarts Liberty with {@code war} through {@code bin/citadel restart}; returns how long it took until ready. */
    Duration restartWith(Path war) throws IOException, InterruptedException {
        Path log = home.resolve("logs/bench-restart.log");
        ProcessBuilder restart = new ProcessBuilder(List.of(repository.resolve("bin/citadel").toString(), "restart"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        restart.environment().put("CITADEL_HOME", home.toString());
        restart.environment().put("CITADEL_WAR", war.toString());
        restart.environment().put("CITADEL_NO_BUILD", "1");
        long started = System.nanoTime();
        Process process = restart.start();
        if (!process.waitFor(RESTART_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroy();
            throw new BenchFailure("restarting Liberty took longer than " + RESTART_TIMEOUT + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new BenchFailure("restarting Liberty with " + war.getFileName() + " failed; see " + log);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
