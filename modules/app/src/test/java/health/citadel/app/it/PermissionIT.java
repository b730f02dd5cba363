package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Roles reach only what the permission table grants them. */
class PermissionIT {

    private static final String ROLE_TABLE = "/api/v1/identity/roles";

    @Test
    void physicianMayNotReadTheRoleTable() {
        HttpResponse<String> response = as(Tokens.of("dr.house")).get(ROLE_TABLE).send();

        assertEquals(403, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("REVIEW_ACCESS"), response.body());
    }

    @Test
    void administratorReadsTheRoleTable() {
        HttpResponse<String> response = as(Tokens.of("admin.alan")).get(ROLE_TABLE).send();

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Stack.json(response).get("dba").toString().contains("RUN_DR"));
    }

    @Test
    void pathsOutsideTheApiAreNotServed() {
        assertEquals(403, as(Tokens.of("admin.alan")).get("/index.html").send().statusCode());
    }
}
