package health.citadel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.identity.api.Caller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Step-up holds for a login with a second factor inside the window, and for nothing else. */
class SecondFactorTest {

    private final SecondFactor secondFactor = new SecondFactor();

    SecondFactorTest() {
        secondFactor.maxAge = Duration.ofMinutes(15);
    }

    @Test
    void aSecondFactorCountsOnlyWhileItIsRecent() {
        assertTrue(secondFactor.recent(dba(true, Instant.now().minus(Duration.ofMinutes(14)))));
        assertFalse(secondFactor.recent(dba(true, Instant.now().minus(Duration.ofMinutes(16)))), "too old");
        assertFalse(secondFactor.recent(dba(false, Instant.now())), "a password alone");
        assertFalse(secondFactor.recent(dba(true, null)), "no time of login");
    }

    private static Caller dba(boolean secondFactor, Instant authenticatedAt) {
        return new Caller("dba-1", Set.of(Role.DBA), Set.of(Permission.RUN_DR), secondFactor, authenticatedAt,
                "citadel-cli", null);
    }
}
