package health.citadel.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"3f1c2a9e-8b7d-4c6e-9a1f-0e2d3c4b5a69", "3F1C2A9E-8B7D-4C6E-9A1F-0E2D3C4B5A69",
            "0123456789abcdef0123456789ABCDEF"})
    void anIdAsProxiesMakeThemIsKeptAsSent(String offered) {
        assertEquals(offered, RequestIds.chosen(offered));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ticket-4711.retry_2", "MRN-000003", "Smith", "two words", "<script>alert(1)</script>",
            "0123456789abcdef0123456789abcdef0", "3f1c2a9e-8b7d-4c6e-9a1f-0e2d3c4b5a69,3f1c2a9e-8b7d-4c6e-9a1f-0e2d3c4b5a6a",
            "id\tx", "caf\u00e9", "line\r\nforged: yes"})
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
