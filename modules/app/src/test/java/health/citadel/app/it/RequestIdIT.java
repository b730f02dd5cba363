package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request id a caller sends is kept only when it has the form proxies generate (a UUID, or 32 hex digits), so
 * it can carry no name or record number into the logs; otherwise the server makes one. Either way the response names the id used, and the request's audit event carries that id.
 */
class RequestIdIT {

    /** A physician asking for the role table: denied, and the denial is audited with the request's id. */
    private static final String DENIED = "/api/v1/identity/roles";

    @ParameterizedTest
    @ValueSource(strings = {"two words", "<script>alert(1)</script>", "ticket-4711.retry_2", "MRN-000003"})
    void aCallersBadIdIsReplacedByTheServersOwn(String offered) throws SQLException {
        String used = deniedWith(offered);

        assertNotEquals(offered, used);
        assertDoesNotThrow(() -> UUID.fromString(used), used);
        assertEquals(List.of("DENIED"), auditedActions(used), "the audit event carries the id the server made");
        assertEquals(List.of(), auditedActions(offered), "no event carries the caller's id");
    }

    @Test
    void aProxysIdIsKept() throws SQLException {
        String offered = UUID.randomUUID().toString();

        assertEquals(offered, deniedWith(offered));
        assertEquals(List.of("DENIED"), auditedActions(offered));
    }

    /** Sends the denied request with the offered id; returns the id the response names. */
    private String deniedWith(String offered) {
        HttpResponse<String> denied = as(Tokens.of("dr.house")).get(DENIED).header("X-Request-Id", offered).send();
        assertEquals(403, denied.statusCode(), denied.body());
        return denied.headers().firstValue("X-Request-Id").orElseThrow();
    }

    private static List<String> auditedActions(String requestId) throws SQLException {
        try (Connection a = Regions.dba("a")) {
            return Regions.strings(a, "SELECT action FROM audit.access_event WHERE request_id = ?", requestId);
        }
    }
}
