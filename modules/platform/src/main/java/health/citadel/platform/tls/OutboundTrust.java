package health.citadel.platform.tls;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The authorities the application trusts when it calls out over HTTPS (Keycloak's token and admin endpoints):
 * the same store as Liberty's own outbound trust ({@code CITADEL_TLS_TRUSTSTORE}). Liberty's transport security
 * leaves the JDK's default context to the JDK's authorities, which do not know a hospital's own.
 */
@ApplicationScoped
public class OutboundTrust {

    @Inject
    @ConfigProperty(name = "citadel.tls.truststore")
    Optional<String> truststore;

    /** As Liberty's own default (server.xml): the JDK's cacerts password, for a store of public certificates. */
    @Inject
    @ConfigProperty(name = "citadel.tls.truststore-password", defaultValue = "changeit")
    String password;

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private SSLContext context;

    @PostConstruct
    void load() {
        try {
            if (truststore.isEmpty()) {
                context = SSLContext.getDefault();
                return;
            }
            KeyStore trust = KeyStore.getInstance(Path.of(truststore.get()).toFile(),
                    password.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            context = SSLContext.getInstance("TLSv1.3");
            context.init(null, factory.getTrustManagers(), null);
        } catch (IOException | GeneralSecurityException e) {
            // the store's path stays out of the message: it names the host's layout
            throw new IllegalStateException("the outbound trust store (CITADEL_TLS_TRUSTSTORE) cannot be loaded: "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * The HTTPS client of every bean that calls out, trusting these authorities and no others. A connection that
     * takes longer than {@link #CONNECT_TIMEOUT} is given up: each call sets its own timeout for the answer.
     */
    @Produces
    HttpClient client() {
        return HttpClient.newBuilder().sslContext(context).connectTimeout(CONNECT_TIMEOUT).build();
    }
}
