package health.citadel.dr.web.pages;

import health.citadel.platform.page.Page;
import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A DR operation the service refused (another one runs, the writer still answers, the standby does not catch up):
 * the DBA sees its reason on the form rather than a general page. The reason is the service's own words, which
 * name regions and states, never data.
 */
final class Refusal {

    private Refusal() {
    }

    static Response shown(Page page, RequestRefused refused) {
        return Response.status(refused.status()).entity(page.with(Map.of("refusal", refused.getMessage()))).build();
    }
}
