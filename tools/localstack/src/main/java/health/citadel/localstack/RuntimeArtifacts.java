package health.citadel.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build put the runtimes: Liberty and Keycloak zips, the PostgreSQL driver and binaries. */
record RuntimeArtifacts(Path libertyZip, Path keycloakZip, String postgresVersion, Path jdbcDriver) {

    static RuntimeArtifacts load() {
        Properties properties = new Properties();
        try (InputStream in = RuntimeArtifacts.class.getResourceAsStream("/runtime.properties")) {
            properties.load(in);
            Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new RuntimeArtifacts(existing(properties, "liberty.zip"), existing(properties, "keycloak.zip"),
                    properties.getProperty("postgres.version"), driver);
        } catch (IOException | URISyntaxException | NullPointerException e) {
            throw new StackException("the launcher is incomplete (" + e.getMessage() + "); rebuild it with ./mvnw -DskipTests package", e);
        }
    }

    private static Path existing(Properties properties, String key) {
        Path path = Path.of(properties.getProperty(key));
        if (!Files.isRegularFile(path)) {
            throw new StackException(path + " is missing; ./mvnw -DskipTests package downloads it again");
        }
        return path;
    }
}
