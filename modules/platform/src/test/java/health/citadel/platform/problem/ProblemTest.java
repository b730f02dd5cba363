package health.citadel.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void takesTitleAndStatusFromTheHttpStatus() {
        Problem problem = Problem.of(Response.Status.FORBIDDEN, "missing permission READ_AUDIT_LOG");

        assertEquals(403, problem.status());
        assertEquals("Forbidden", problem.title());
        assertEquals("about:blank", problem.type());
    }
}
