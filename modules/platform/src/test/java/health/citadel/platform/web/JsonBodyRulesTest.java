package health.citadel.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyRulesTest {

    @Test
    void aKeyGivenTwiceIsNamedByItsPath() {
        assertEquals("reason: appears more than once", problem("{\"reason\":\"a\",\"reason\":\"b\"}"));
        assertEquals("demographics.address.city: appears more than once",
                problem("{\"demographics\":{\"address\":{\"city\":\"a\",\"city\":\"b\"}}}"));
        assertEquals("items[1].code: appears more than once",
                problem("{\"items\":[{\"code\":1},{\"code\":2,\"code\":3}]}"));
    }

    @Test
    void aNulCharacterIsRefusedWhereverItStands() {
        assertEquals("reason: must not contain a NUL character", problem("{\"reason\":\"x\\u0000y\"}"));
        assertEquals("tags[2]: must not contain a NUL character", problem("{\"tags\":[\"a\",[1,2],\"\\u0000\"]}"));
        assertEquals(": a field name must not contain a NUL character", problem("{\"a\\u0000\":1}"));
    }

    @Test
    void submittedNamesAreNotQuotedUnlessPlain() {
        assertEquals("(a field): appears more than once", problem("{\"<b>x</b>\":1,\"<b>x</b>\":2}"));
        assertEquals("(a field): appears more than once", problem("{\"Smith\":1,\"Smith\":2}"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeTheParserGivesUp() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertEquals("[0]".repeat(JsonBodyRules.MAX_DEPTH) + ": nests deeper than 32 levels",
                JsonBodyRules.problem(deep.getBytes(StandardCharsets.UTF_8)));
        String limit = "{\"a\":".repeat(JsonBodyRules.MAX_DEPTH - 1) + "{}" + "}".repeat(JsonBodyRules.MAX_DEPTH - 1);
        assertEquals(null, JsonBodyRules.problem(limit.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWellFormedBodyOrOneThatIsNoJsonIsLeftToTheBinder() {
        assertNull(problem("{\"a\":{\"b\":1},\"c\":[{\"b\":1},{\"b\":2}],\"d\":\"text\"}"));
        assertNull(problem("{\"a\":"));
    }

    private static String problem(String body) {
        return JsonBodyRules.problem(body.getBytes(StandardCharsets.UTF_8));
    }
}
