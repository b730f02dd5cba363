package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Roles reach only what the permission table grants them. */
class PermissionIT {

    private static final String ROLE_TABLE = "/api/v1/identity/roles";
    private final Stack stack = Stack.get();

    @Test
    void physicianMayNotReadTheRoleTable() {
        HttpResponse<String> response = stack.get(ROLE_TABLE, Tokens.of("dr.house"));

        assertEquals(403, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("REVIEW_ACCESS"), response.body());
    }

    @Test
    void administratorReadsTheRoleTable() {
        HttpResponse<String> response = stack.get(ROLE_TABLE, Tokens.of("admin.alan"));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Stack.json(response).get("dba").toString().contains("RUN_DR"));
    }

    @Test
    void pathsOutsideTheApiAreNotServed() {
        assertEquals(403, stack.get("/index.html", Tokens.of("admin.alan")).statusCode());
    }
}
