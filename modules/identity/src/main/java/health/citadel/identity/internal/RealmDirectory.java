package health.citadel.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the access review, and the care teams' check of a clinician, read from the identity provider. */
interface RealmDirectory {

    /**
     * How the realm keeps login events.
     *
     * @param retention how long they are kept; null when they never expire
     */
    record LoginEvents(boolean kept, Duration retention) {
    }

    /**
     * What the review reads, in one session with the identity provider.
     *
     * @param lastLogins each account's latest login within the window, by account id
     */
    record Realm(LoginEvents loginEvents, List<RealmAccount> accounts, Map<String, Instant> lastLogins) {
    }

    /** The realm's accounts, its login-event settings, and the logins since {@code loginsSince}. */
    Realm read(Instant loginsSince);

    /** One account as the realm holds it now, by its id; empty when there is none. */
    Optional<RealmAccount> account(String userId);
}
