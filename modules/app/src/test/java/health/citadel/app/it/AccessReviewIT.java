package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The access review against the real realm, with the production thresholds (dormant after 90 days, grants
 * reviewed within 7): accounts and grants are planted with past dates, and each must be found, while a
 * clean account must not appear at all.
 */
class AccessReviewIT {

    private static final String REVIEW = "/api/v1/identity/access-review";
    private static final String PASSWORD = "It-Review-2026-pass!";
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(200));

    private final Stack stack = Stack.get();

    @Test
    void findsEachPlantedCaseAndNothingOnACleanAccount() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String dormant = KeycloakAdmin.plantUser("it-dormant-" + suffix, PASSWORD, LONG_AGO, null, "patient");
        String withoutOtp = KeycloakAdmin.plantUser("it-no-otp-" + suffix, PASSWORD, Instant.now(), null, "nurse");
        String conflicting = KeycloakAdmin.plantUser("it-conflict-" + suffix, PASSWORD, Instant.now(),
                KeycloakAdmin.totpSecret(), "admin", "physician");
        String cleanSecret = KeycloakAdmin.totpSecret();
        String cleanName = "it-clean-" + suffix;
        String clean = KeycloakAdmin.plantUser(cleanName, PASSWORD, LONG_AGO, cleanSecret, "nurse");
        // an old account that signs in is active, however long it has existed
        HttpResponse<String> login = Tokens.grant(new Stack.DemoLogin(cleanName, PASSWORD, cleanSecret),
                stack.keycloakUrl(), "citadel-cli", true);
        assertEquals(200, login.statusCode(), login.body());

        UUID overdue = plantGrant(conflicting, Duration.ofDays(8), false);
        UUID recent = plantGrant(clean, Duration.ofDays(1), false);
        UUID reviewed = plantGrant(clean, Duration.ofDays(30), true);

        HttpResponse<String> run = as(Tokens.of("admin.alan")).post(REVIEW).send();
        assertEquals(200, run.statusCode(), run.body());
        JsonNode report = Stack.json(run);
        assertEquals("ON_DEMAND", report.get("trigger").asText());
        Map<String, List<String>> found = kindsByAccount(report);
        assertEquals(List.of("DORMANT_ACCOUNT"), found.get(dormant));
        assertEquals(List.of("STAFF_WITHOUT_OTP"), found.get(withoutOtp));
        assertEquals(List.of("CONFLICTING_ROLES", "UNREVIEWED_BREAK_GLASS"), found.get(conflicting));
        assertEquals(null, found.get(clean), "a clean account has no findings, and its recent or reviewed grants none");
        assertTrue(run.body().contains(overdue.toString()));
        assertTrue(!run.body().contains(recent.toString()) && !run.body().contains(reviewed.toString()));

        HttpResponse<String> latest = as(Tokens.of("auditor.ada")).get(REVIEW).send();
        assertEquals(200, latest.statusCode());
        assertEquals(report, Stack.json(latest), "auditors read the report the run kept");

        String runId = report.get("id").asText();
        try (Connection a = Regions.dba("a")) {
            assertEquals(List.of(Tokens.claims(Tokens.of("admin.alan")).get("sub").asText() + " SUCCESS"),
                    Regions.strings(a, "SELECT actor_id || ' ' || outcome FROM audit.access_event WHERE action = "
                            + "'ADMIN_ACCESS_REVIEW' AND resource_id = ?", runId), "each run is audited");
        }
        assertTrue(Pattern.compile("citadel_identity_access_review_open_findings\\{[^}]*kind=\"STAFF_WITHOUT_OTP\"[^}]*} [1-9]")
                .matcher(stack.managementGet("/metrics").body()).find(), "open findings are a metric");
    }

    /** The test stack checks every 10 s whether a review is due; at start none has run, so one must. */
    @Test
    void theSchedulerRunsAReviewOnItsOwn() throws Exception {
        try (Connection a = Regions.dba("a")) {
            String query = "SELECT r.id || ' ' || e.actor_id FROM identity.access_review_run r JOIN audit.access_event e"
                    + " ON e.resource_id = r.id::text AND e.action = 'ADMIN_ACCESS_REVIEW' WHERE r.trigger = 'SCHEDULED'";
            List<String> scheduled = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Regions.strings(a, query), rows -> !rows.isEmpty());
            assertEquals(1, scheduled.size(), "one scheduled run, audited as the scheduler: " + scheduled);
            assertTrue(scheduled.get(0).endsWith(" citadel:access-review"));
        }
    }

    private static Map<String, List<String>> kindsByAccount(JsonNode report) {
        Map<String, List<String>> found = new TreeMap<>();
        for (JsonNode finding : report.get("findings")) {
            if (finding.hasNonNull("userId")) {
                found.computeIfAbsent(finding.get("userId").asText(), id -> new ArrayList<>()).add(finding.get("kind").asText());
            }
        }
        return found;
    }

    private static UUID plantGrant(String clinicianId, Duration age, boolean reviewed) throws Exception {
        UUID id = UUID.randomUUID();
        Instant granted = Instant.now().minus(age);
        try (Connection a = Regions.dba("a");
             PreparedStatement insert = a.prepareStatement("INSERT INTO identity.break_glass_grant (id, clinician_id, "
                     + "patient_id, reason, granted_at, expires_at, reviewed_at, reviewed_by, review_outcome) "
                     + "VALUES (?, ?, ?, 'planted by the access review test', ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, clinicianId);
            insert.setObject(3, UUID.randomUUID());
            insert.setTimestamp(4, Timestamp.from(granted));
            insert.setTimestamp(5, Timestamp.from(granted.plus(Duration.ofHours(1))));
            insert.setTimestamp(6, reviewed ? Timestamp.from(granted.plus(Duration.ofDays(1))) : null);
            insert.setString(7, reviewed ? "it-auditor" : null);
            insert.setString(8, reviewed ? "JUSTIFIED" : null);
            insert.executeUpdate();
        }
        return id;
    }
}
