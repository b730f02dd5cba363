package health.citadel.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowancesTest {

    /** A clock the test moves by hand. */
    private static final class HandClock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void aCallerGetsTheBurstAtOnceThenTheRateAndIsToldHowLongToWait() {
        Allowances allowances = new Allowances(3, 2, 10, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), allowances.take("u1"), "request " + (i + 1) + " of the burst");
        }
        assertEquals(Optional.of(Duration.ofMillis(500)), allowances.take("u1"), "at 2/s the next comes in 0.5 s");

        clock.nanos += Duration.ofMillis(500).toNanos();
        assertEquals(Optional.empty(), allowances.take("u1"));
        assertTrue(allowances.take("u1").isPresent(), "one request per half second, no more");
    }

    @Test
    void callersHaveAllowancesOfTheirOwn() {
        Allowances allowances = new Allowances(1, 1, 10, clock);
        assertEquals(Optional.empty(), allowances.take("u1"));
        assertTrue(allowances.take("u1").isPresent());
        assertEquals(Optional.empty(), allowances.take("u2"), "u1's exhaustion is not u2's");
    }

    @Test
    void onlyTheMostRecentlySeenCallersAreKept() {
        Allowances allowances = new Allowances(1, 1, 2, clock);
        allowances.take("u1");
        allowances.take("u2");
        assertTrue(allowances.take("u1").isPresent(), "u1 is kept, and is now the most recently seen");
        allowances.take("u3");
        assertTrue(allowances.take("u1").isPresent(), "u1 is still kept");
        assertEquals(Optional.empty(), allowances.take("u2"), "u2 was forgotten for u3, and starts afresh");
    }
}
