package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, as one table: a row per endpoint, a column per role, the expected status in each cell.
 * The endpoints come from the deployed OpenAPI document, so a new endpoint without a row fails this test.
 * Path parameters are filled with a random id ({@code {kind}} with {@code observations}); requests with a body
 * send an empty JSON object. The rows of {@link #WITHOUT_SECOND_FACTOR} are called with tokens that prove no second
 * factor, so the DBA's column is the step-up challenge (checked too) and no DR operation ever runs here.
 */
class AuthorizationMatrixIT {

    /** The columns, in order: one demo login per role, then no token at all. */
    private static final List<String> CALLERS = List.of("dr.house", "nurse.joy", "front.desk", "auditor.ada",
            "admin.alan", "dba.dana", "patient.pat", "anonymous");

    //                                                              phys nurse desk  audit admin dba  patient none
    private static final Map<String, int[]> MATRIX = new LinkedHashMap<>();
    /** Changes that need a recent second factor and that must not run from this test: switching the writer. */
    private static final Set<String> WITHOUT_SECOND_FACTOR = Set.of("POST /api/v1/dr/switchover",
            "POST /api/v1/dr/failover", "POST /api/v1/dr/regions/{region}/fence",
            "POST /api/v1/dr/regions/{region}/rejoin");
    private static final String PASSWORD_ONLY = "it-password-only";

    static {
        MATRIX.put("GET /api/v1/me", new int[] {200, 200, 200, 200, 200, 200, 200, 401});
        MATRIX.put("GET /api/v1/me/record-access", new int[] {403, 403, 403, 403, 403, 403, 200, 401});
        MATRIX.put("GET /api/v1/me/access-decision", new int[] {400, 400, 400, 400, 400, 400, 400, 401});
        MATRIX.put("GET /api/v1/identity/roles", new int[] {403, 403, 403, 200, 200, 403, 403, 401});
        // admin passes authorization and meets validation (no filter, empty body) or an unknown id
        MATRIX.put("GET /api/v1/identity/care-team-assignments", new int[] {403, 403, 403, 403, 400, 403, 403, 401});
        MATRIX.put("POST /api/v1/identity/care-team-assignments", new int[] {403, 403, 403, 403, 400, 403, 403, 401});
        MATRIX.put("POST /api/v1/identity/care-team-assignments/{id}/end", new int[] {403, 403, 403, 403, 404, 403, 403, 401});
        MATRIX.put("POST /api/v1/identity/break-glass-grants", new int[] {400, 400, 403, 403, 403, 403, 403, 401});
        MATRIX.put("POST /api/v1/identity/break-glass-grants/{id}/revoke", new int[] {404, 404, 403, 403, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/identity/break-glass-grants", new int[] {403, 403, 403, 200, 200, 403, 403, 401});
        MATRIX.put("POST /api/v1/identity/break-glass-grants/{id}/review", new int[] {403, 403, 403, 400, 400, 403, 403, 401});
        // the run comes first, so that the report exists when the next row reads it
        MATRIX.put("POST /api/v1/identity/access-review", new int[] {403, 403, 403, 403, 200, 403, 403, 401});
        MATRIX.put("GET /api/v1/identity/access-review", new int[] {403, 403, 403, 200, 200, 403, 403, 401});
        // the chart: roles without the permission get 403; clinicians off the care team 403 for one patient
        // (the random id is on no care team) and a validation 400 where the body or query is checked first;
        // front desk sees demographics of every patient, so a random id is 404
        MATRIX.put("POST /api/v1/patients", new int[] {400, 400, 400, 403, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/patients", new int[] {400, 400, 400, 403, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/patients/{id}", new int[] {403, 403, 404, 403, 403, 403, 403, 401});
        MATRIX.put("PUT /api/v1/patients/{id}", new int[] {400, 400, 400, 403, 403, 403, 403, 401});
        // the restricted flag is the administrator's alone, and no one else's update may change it
        MATRIX.put("PUT /api/v1/patients/{id}/restriction", new int[] {403, 403, 403, 403, 400, 403, 403, 401});
        MATRIX.put("POST /api/v1/patients/{id}/retire", new int[] {400, 400, 400, 403, 403, 403, 403, 401});
        MATRIX.put("POST /api/v1/patients/{id}/reveal", new int[] {400, 403, 403, 403, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/patients/{id}/history", new int[] {403, 403, 404, 403, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/patients/{id}/history/{revision}", new int[] {400, 400, 400, 403, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/patients/{id}/diff", new int[] {400, 400, 400, 403, 403, 403, 403, 401});
        MATRIX.put("POST /api/v1/patients/{id}/revert", new int[] {400, 400, 400, 403, 403, 403, 403, 401});
        // export: staff with step-up on their care team's patients, a patient their own chart only
        MATRIX.put("GET /api/v1/patients/{id}/export", new int[] {403, 403, 403, 403, 403, 403, 403, 401});
        MATRIX.put("POST /api/v1/patients/{id}/erase", new int[] {403, 403, 403, 403, 400, 403, 403, 401});
        // clinical entries ({kind} is filled with "observations"): clinicians only, and only on their care team
        MATRIX.put("POST /api/v1/patients/{id}/{kind}", new int[] {400, 400, 403, 403, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/patients/{id}/{kind}", new int[] {403, 403, 403, 403, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/patients/{id}/{kind}/{entry}", new int[] {403, 403, 403, 403, 403, 403, 403, 401});
        MATRIX.put("PUT /api/v1/patients/{id}/{kind}/{entry}", new int[] {400, 400, 403, 403, 403, 403, 403, 401});
        MATRIX.put("POST /api/v1/patients/{id}/{kind}/{entry}/retire", new int[] {400, 400, 403, 403, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/me/chart", new int[] {403, 403, 403, 403, 403, 403, 200, 401});
        MATRIX.put("GET /api/v1/patients/{id}/chart", new int[] {403, 403, 403, 403, 403, 403, 403, 401});
        MATRIX.put("POST /api/v1/keys/rotations", new int[] {403, 403, 403, 403, 400, 403, 403, 401});
        MATRIX.put("GET /api/v1/keys/rotations", new int[] {403, 403, 403, 403, 200, 403, 403, 401});
        MATRIX.put("GET /api/v1/audit/verify", new int[] {403, 403, 403, 200, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/dr/status", new int[] {403, 403, 403, 403, 403, 200, 403, 401});
        MATRIX.put("GET /api/v1/dr/verify", new int[] {403, 403, 403, 403, 403, 200, 403, 401});
        // the DBA without a recent second factor meets the step-up challenge before anything is validated or run
        MATRIX.put("POST /api/v1/dr/switchover", new int[] {403, 403, 403, 403, 403, 401, 403, 401});
        MATRIX.put("POST /api/v1/dr/failover", new int[] {403, 403, 403, 403, 403, 401, 403, 401});
        MATRIX.put("POST /api/v1/dr/regions/{region}/fence", new int[] {403, 403, 403, 403, 403, 401, 403, 401});
        MATRIX.put("POST /api/v1/dr/regions/{region}/rejoin", new int[] {403, 403, 403, 403, 403, 401, 403, 401});
        MATRIX.put("GET /api/v1/audit/events", new int[] {403, 403, 403, 200, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/audit/events/export", new int[] {403, 403, 403, 200, 403, 403, 403, 401});
        MATRIX.put("GET /api/v1/audit/alerts", new int[] {403, 403, 403, 200, 403, 403, 403, 401});
    }

    private final Stack stack = Stack.get();

    @Test
    void everyDeployedEndpointHasARow() {
        assertEquals(new TreeSet<>(MATRIX.keySet()), deployedEndpoints(),
                "add a row to the matrix for each new endpoint");
    }

    @Test
    void everyCellHoldsOnTheRealStack() {
        KeycloakAdmin.ensurePasswordOnlyClient(PASSWORD_ONLY);
        Map<String, String> passwordOnly = new HashMap<>();
        HttpClient client = HttpClient.newBuilder().sslContext(stack.trustingStack()).build();
        List<String> wrong = new ArrayList<>();
        MATRIX.forEach((endpoint, expected) -> {
            String[] methodAndPath = endpoint.split(" ", 2);
            for (int column = 0; column < CALLERS.size(); column++) {
                String caller = CALLERS.get(column);
                boolean withBody = !"GET".equals(methodAndPath[0]);
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                stack.app(methodAndPath[1].replace("{kind}", "observations")
                                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString())))
                        .method(methodAndPath[0], withBody ? HttpRequest.BodyPublishers.ofString("{}")
                                : HttpRequest.BodyPublishers.noBody());
                if (withBody) {
                    request.header("Content-Type", "application/json");
                }
                boolean withoutSecondFactor = WITHOUT_SECOND_FACTOR.contains(endpoint);
                if (!"anonymous".equals(caller)) {
                    request.header("Authorization", "Bearer " + (withoutSecondFactor ? passwordOnly.computeIfAbsent(
                            caller, person -> Tokens.withoutSecondFactor(person, PASSWORD_ONLY)) : Tokens.of(caller)));
                }
                HttpResponse<String> response = Stack.send(client, request.build());
                if (response.statusCode() != expected[column]) {
                    wrong.add(endpoint + " as " + caller + ": " + response.statusCode() + ", expected " + expected[column]);
                } else if (withoutSecondFactor && response.statusCode() == 401 && !"anonymous".equals(caller)
                        && !response.headers().firstValue("WWW-Authenticate").orElse("")
                        .contains("error=\"insufficient_user_authentication\"")) {
                    wrong.add(endpoint + " as " + caller + ": 401 without the step-up challenge");
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    private TreeSet<String> deployedEndpoints() {
        HttpResponse<String> openApi = Stack.send(HttpClient.newBuilder().sslContext(stack.trustingStack()).build(),
                HttpRequest.newBuilder(stack.management("/openapi")).header("Accept", "application/json").build());
        assertEquals(200, openApi.statusCode());
        TreeSet<String> endpoints = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = Stack.json(openApi).get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> endpoints.add(method.toUpperCase() + " " + path.getKey()));
        }
        return endpoints;
    }
}
