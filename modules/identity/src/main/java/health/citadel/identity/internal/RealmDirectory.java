package health.citadel.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the access review reads from the identity provider. */
interface RealmDirectory {

    /**
     * How the realm keeps login events.
     *
     * @param retention how long they are kept; null when they never expire
     */
    record LoginEvents(boolean kept, Duration retention) {
    }

    List<RealmAccount> accounts();

    /** Each account's latest login at or after {@code since}, by account id. */
    Map<String, Instant> lastLogins(Instant since);

    LoginEvents loginEvents();
}
