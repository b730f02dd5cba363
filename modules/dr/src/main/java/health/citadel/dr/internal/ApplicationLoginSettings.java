package health.citadel.dr.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The application's database logins as configured, for the fences the probe checks and the console raises. */
@ApplicationScoped
class ApplicationLoginSettings {

    @Inject
    @ConfigProperty(name = "citadel.dr.app-login", defaultValue = "citadel_app")
    String app;

    @Inject
    @ConfigProperty(name = "citadel.dr.owner-login", defaultValue = "citadel_owner")
    String owner;

    /** The console's DR operations run as this login, so it is the one subscriptions are handed to. */
    @Inject
    @ConfigProperty(name = "citadel.dr.user")
    Optional<String> console;

    @Produces
    ApplicationLogins logins() {
        return new ApplicationLogins(app, owner, console.orElse(""));
    }
}
