package health.citadel.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit keys, loaded once from the keyset file the deployment mounts. */
@ApplicationScoped
class AuditConfiguration {

    @Inject
    @ConfigProperty(name = "citadel.audit.signing-keyset")
    String signingKeyset;

    /** A singleton, not application-scoped: the keys are immutable and need no client proxy. */
    @Produces
    @Singleton
    AuditKeys keys() {
        return AuditKeys.forSigning(Path.of(signingKeyset));
    }
}
