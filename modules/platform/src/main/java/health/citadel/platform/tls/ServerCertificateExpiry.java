package health.citadel.platform.tls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * (the same {@code CITADEL_TLS_KEYSTORE} and password server.xml names) at each scrape, so that a renewed
 * keystore shows without a restart. A keystore that cannot be read counts as expired: the alert then fires,
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

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (keystore.isPresent()) {
            metrics.gauge(VALID_FOR, () -> secondsLeft(Path.of(keystore.get()), password.orElse("").toCharArray(),
                    Instant.now()));
        }
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
