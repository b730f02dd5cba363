package health.citadel.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.postgresql.Driver;

/** Where the build put the runtimes: Liberty and Keycloak zips, the PostgreSQL driver and binaries. */
record RuntimeArtifacts(Path libertyZip, Path keycloakZip, Path jdbcDriver) {

    /** The runtimes, each checked to be where the build put it. */
    static RuntimeArtifacts load() {
        try {
            Properties properties = properties();
            Path driver = Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new RuntimeArtifacts(existing(properties, "liberty.zip"), existing(properties, "keycloak.zip"), driver);
        } catch (URISyntaxException | NullPointerException e) {
            throw incomplete(e);
        }
    }

    /** Which PostgreSQL the stack runs; enough to find, stop or look at its regions. */
    static String postgresVersion() {
        return properties().getProperty("postgres.version");
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = RuntimeArtifacts.class.getResourceAsStream("/runtime.properties")) {
            properties.load(in);
            return properties;
        } catch (IOException | NullPointerException e) {
            throw incomplete(e);
        }
    }

    private static StackException incomplete(Exception cause) {
        return new StackException("the launcher is incomplete (" + cause.getMessage()
                + "); rebuild it with ./mvnw -DskipTests package", cause);
    }

    private static Path existing(Properties properties, String key) {
        Path path = Path.of(properties.getProperty(key));
        if (!Files.isRegularFile(path)) {
            throw new StackException(path + " is missing; ./mvnw -DskipTests package downloads it again");
        }
        return path;
    }
}
