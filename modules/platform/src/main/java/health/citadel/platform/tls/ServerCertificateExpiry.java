package health.citadel.platform.tls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * How long the certificate this server presents stays valid, read from the keystore Liberty serves HTTPS with
 * (the same {@code CITADEL_TLS_KEYSTORE} and password server.xml names) whenever the file changed, so that a
 * renewed keystore shows without a restart while a scrape of an unchanged one costs a file's time stamp, not a
 * PKCS#12 key derivation. A keystore that cannot be read counts as expired: the alert then fires,
 * which is what an operator needs to hear about a certificate nobody can check.
 */
@ApplicationScoped
public class ServerCertificateExpiry {

    private static final Metadata VALID_FOR = Metadata.builder().withName("citadel_tls_certificate_valid_seconds")
            .withDescription("Seconds until the soonest-expiring certificate in the server's keystore expires"
                    + " (negative once expired; 0 when the keystore cannot be read)").build();

    @Inject
    @ConfigProperty(name = "citadel.tls.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "citadel.tls.keystore-password")
    Optional<String> password;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** The keystore's validity as read at one modification time of the file. */
    private record Reading(FileTime modified, long secondsLeft, Instant readAt) {
    }

    private volatile Reading reading;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (keystore.isPresent()) {
            metrics.gauge(VALID_FOR, () -> secondsLeft(Path.of(keystore.get())));
        }
    }

    private long secondsLeft(Path file) {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return 0;
        }
        Reading last = reading;
        Instant now = Instant.now();
        if (last == null || !last.modified().equals(modified)) {
            last = new Reading(modified, secondsLeft(file, password.orElse("").toCharArray(), now), now);
            reading = last;
        }
        // an unreadable keystore stays at 0; a readable one counts down from when it was read
        return last.secondsLeft() == 0 ? 0 : last.secondsLeft() - Duration.between(last.readAt(), now).toSeconds();
    }

    static long secondsLeft(Path file, char[] password, Instant now) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Instant soonest = null;
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    Instant notAfter = x509.getNotAfter().toInstant();
                    soonest = soonest == null || notAfter.isBefore(soonest) ? notAfter : soonest;
                }
            }
            return soonest == null ? 0 : Duration.between(now, soonest).toSeconds();
        } catch (IOException | GeneralSecurityException e) {
            return 0;
        }
    }
}
