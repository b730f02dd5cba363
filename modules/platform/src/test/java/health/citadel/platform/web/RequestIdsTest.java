package health.citadel.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    /** 64 characters, the most a caller's id may have. */
    private static final String LONGEST = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-";

    @ParameterizedTest
    @ValueSource(strings = {"ticket-4711.retry_2", "Z", LONGEST, "3f1c2a9e-8b7d-4c6e-9a1f-0e2d3c4b5a69"})
    void aPlainIdIsKeptAsSent(String offered) {
        assertEquals(offered, RequestIds.chosen(offered));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "<script>alert(1)</script>", LONGEST + "b", "a,b", "id\tx", "caf\u00e9",
            "line\r\nforged: yes"})
    void anythingElseIsReplacedByANewId(String offered) {
        String chosen = RequestIds.chosen(offered);
        assertNotEquals(offered, chosen);
        assertDoesNotThrow(() -> UUID.fromString(chosen));
    }

    @Test
    void noIdGetsANewOne() {
        assertDoesNotThrow(() -> UUID.fromString(RequestIds.chosen(null)));
    }
}
