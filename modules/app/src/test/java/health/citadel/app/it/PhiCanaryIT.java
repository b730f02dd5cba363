package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.anonymous;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * PHI must never reach a log, the audit log, a metric or an error response. Every test patient's name,
 * identifiers and contact details contain {@link Patients#CANARY}; this test runs after the rest of the suite
 * (only the stack's restart comes later), provokes errors with canary values of its own, and then searches
 * everywhere PHI must not be.
 */
@Order(Integer.MAX_VALUE - 2)
class PhiCanaryIT {

    private static final String CANARY = Patients.CANARY.toLowerCase(Locale.ROOT);
    private final Stack stack = Stack.get();

    @Test
    void noCanaryAppearsInLogsAuditMetricsOrErrors() throws Exception {
        List<String> errors = provokeErrorsWithCanaryValues();
        errors.addAll(sendCanariesInPathsAndHeaders());
        giveAReasonNamingACanary();
        for (String error : errors) {
            assertTrue(!error.toLowerCase(Locale.ROOT).contains(CANARY), "an error response quotes PHI: " + error);
        }

        List<String> hits = new ArrayList<>();
        // every log of the stack: Liberty's messages, trace, FFDC and access log, PostgreSQL's and Keycloak's
        for (Path logs : List.of(stack.home().resolve("logs"), stack.home().resolve("liberty/servers/citadel/logs"))) {
            try (Stream<Path> files = Files.walk(logs)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (contains(file)) {
                        hits.add("log " + stack.home().relativize(file));
                    }
                }
            }
        }
        try (Connection a = Regions.dba("a")) {
            for (String table : Regions.strings(a, "SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'audit'")) {
                // table names come from the catalogue, not from input
                if (Regions.strings(a, "SELECT count(*) FROM audit." + table + " t WHERE lower(t::text) LIKE ?",
                        "%" + CANARY + "%").stream().anyMatch(count -> !"0".equals(count))) {
                    hits.add("audit." + table);
                }
            }
        }
        if (stack.managementGet("/metrics").body().toLowerCase(Locale.ROOT).contains(CANARY)) {
            hits.add("/metrics");
        }
        assertEquals(List.of(), hits, "PHI where it must never be");
    }

    /**
     * Canaries where no body is read: in path segments (a route's and no route's), in {@code Accept} and other
     * headers, in a request id the caller offers, and as a junk bearer token.
     */
    private List<String> sendCanariesInPathsAndHeaders() {
        Patients.Canary canary = Patients.Canary.fresh();
        String desk = Tokens.of("front.desk");
        List<HttpResponse<String>> failed = List.of(
                as(desk).get(Patients.PATIENTS + "/" + canary.mrn()).send(),
                as(desk).get("/api/v1/" + canary.family() + "/chart").send(),
                anonymous().get("/portal/patients/" + canary.given()).send(),
                as(desk).get("/api/v1/me").header("Accept", "application/" + canary.family())
                        .header("User-Agent", canary.given()).header("Referer", "https://example.org/" + canary.mrn())
                        .header("X-Request-Id", canary.mrn()).send(),
                as(canary.family() + "." + canary.given() + ".junk").get("/api/v1/me").send());
        List<String> answers = new ArrayList<>();
        for (HttpResponse<String> response : failed) {
            assertTrue(response.statusCode() >= 300, "each of these requests must be turned away: "
                    + response.statusCode());
            answers.add(response.statusCode() + " " + response.body() + " " + response.headers().map());
        }
        return answers;
    }

    /** A reason goes into the audit log with its event: it must be stored encrypted, never in clear. */
    private void giveAReasonNamingACanary() {
        UUID id = Patients.register(Patients.Canary.fresh(), "1961-08-05", false);
        Patients.assignCareTeam("dr.house", id);
        HttpResponse<String> revealed = as(Tokens.of("dr.house")).post(patient(id) + "/reveal")
                .json(object("reason", "known " + Patients.CANARY + " carrier, the lab needs the full identifier"));
        assertEquals(200, revealed.statusCode(), revealed.body());
    }

    /** Requests that fail, each carrying canary values where a careless error message would echo them. */
    private List<String> provokeErrorsWithCanaryValues() {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1961-08-04", true);
        String desk = Tokens.of("front.desk");
        ObjectNode registration = canary.registration("1961-08-04", false);
        List<HttpResponse<String>> failed = List.of(
                as(desk).post(Patients.PATIENTS)
                        .json(registrationWith(canary, "email", "not an email " + canary.email())),
                as(desk).post(Patients.PATIENTS).json(object("demographics", canary.demographics("1961-08-04"),
                        canary.family(), 1, "restricted", false)),
                as(desk).post(Patients.PATIENTS).json(registrationWith(canary, "birthDate", canary.given())),
                as(desk).post(Patients.PATIENTS).json(registrationWith(canary, "sex", canary.family())),
                as(desk).post(Patients.PATIENTS).json(registration),
                as(desk).put(patient(id)).ifMatch(0).json(registration),
                as(desk).put(patient(id)).header("If-Match", "\"" + canary.mrn() + "\"").json(registration),
                as(Tokens.of("nurse.joy")).get(patient(id)).send(),
                as(desk).get(Patients.PATIENTS + "?family=" + canary.family() + "&birthDate=" + canary.given()).send(),
                as(Tokens.of("dr.house")).post(patient(id) + "/reveal").json(object("reason", canary.nationalId())));
        List<String> bodies = new ArrayList<>();
        for (HttpResponse<String> response : failed) {
            assertTrue(response.statusCode() >= 400, "each of these requests must fail: " + response.statusCode());
            bodies.add(response.statusCode() + " " + response.body() + " " + response.headers().map());
        }
        return bodies;
    }

    /** The canary's registration with one value of its demographics replaced. */
    private static ObjectNode registrationWith(Patients.Canary canary, String field, String value) {
        ObjectNode registration = canary.registration("1961-08-04", false);
        registration.withObject("/demographics").put(field, value);
        return registration;
    }
    private static boolean contains(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return text.contains(CANARY);
    }
}
