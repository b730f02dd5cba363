package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The auditor's pages in Chromium with a real login (password and code): the access log searched by actor and
 * patient (posted, never in the address) and exported as CSV holding the same events as the API's export; the
 * chain verified with its head and witness; the alerts with their evidence; a break-the-glass grant judged from
 * the queue, which the API then shows; the access review's findings; and the DBA console refused.
 */
class AuditorPortalIT {

    private static final String GRANTS = "/api/v1/identity/break-glass-grants";
    private static final String EMERGENCY = "Collapsed in the waiting room, no relative reachable";
    private static final List<String> CSV_HEADER = List.of("id", "occurredAt", "actorId", "actorRoles", "clientId",
            "action", "resourceType", "resourceId", "patientId", "outcome", "sourceIp", "requestId", "reason",
            "restrictedPatient");

    private final Stack stack = Stack.get();

    @Test
    void theAuditorFindsAndExportsEventsVerifiesTheChainSeesAlertsAndReviewsAnEmergencyAccess() throws Exception {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1980-05-05", false);
        Patients.assignCareTeam("nurse.joy", patient);
        String nurse = Tokens.fresh("nurse.joy");
        String nurseId = Tokens.claims(nurse).get("sub").asText();
        assertEquals(200, as(nurse).get(patient(patient)).send().statusCode(), "the nurse reads the chart");
        UUID stranger = Patients.register(Patients.Canary.fresh(), "1980-06-06", false);
        HttpResponse<String> opened = as(nurse).post(GRANTS).json(object("patientId", stranger, "reason", EMERGENCY));
        assertEquals(201, opened.statusCode(), opened.body());
        String grantId = Stack.json(opened).get("id").asText();

        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/audit/events").toString());
            browser.logIn(stack.login("auditor.ada"));
            assertEquals("Access log", browser.await(By.tagName("h1")).getText());
            assertEquals(List.of("Home", "Access log", "Audit chain", "Alerts", "Break-the-glass review",
                    "Access review"), browser.driver().findElements(By.cssSelector("nav .tasks a")).stream()
                    .map(WebElement::getText).toList());
            browser.inspect("auditor-events-form");

            browser.driver().findElement(By.id("patient")).sendKeys("not-a-patient-id");
            browser.driver().findElement(By.id("search")).click();
            assertTrue(browser.await(By.id("form-error")).getText().startsWith("patient:"),
                    "the field is named: " + browser.driver().findElement(By.id("form-error")).getText());
            browser.inspect("auditor-events-invalid");

            WebElement patientField = browser.driver().findElement(By.id("patient"));
            patientField.clear();
            patientField.sendKeys(patient.toString());
            browser.driver().findElement(By.id("actor")).sendKeys(nurseId);
            browser.driver().findElement(By.id("search")).click();
            browser.await(By.cssSelector("table.events tbody tr"));
            List<List<String>> rows = cells(browser);
            assertTrue(rows.stream().anyMatch(row -> row.get(3).equals("READ") && row.get(4).equals("SUCCESS")
                    && row.get(1).equals(nurseId) && row.get(6).equals(patient.toString())), rows.toString());
            assertTrue(rows.stream().allMatch(row -> row.get(1).equals(nurseId) && row.get(6).equals(patient.toString())),
                    "only the filter's events: " + rows);
            assertFalse(browser.driver().getCurrentUrl().contains(patient.toString()), "the filter is posted");
            browser.inspect("auditor-events");

            HttpResponse<String> csv = PortalForms.post(browser, "/portal/audit/events/export",
                    Map.of("actor", nurseId, "patient", patient.toString()));
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
            assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
            List<List<String>> exported = parseCsv(csv.body());
            assertEquals(CSV_HEADER, exported.get(0));
            List<List<String>> events = exported.subList(1, exported.size());
            assertTrue(events.stream().allMatch(row -> row.size() == CSV_HEADER.size()), exported.toString());
            assertTrue(events.stream().anyMatch(row -> row.get(5).equals("READ") && row.get(2).equals(nurseId)
                    && row.get(8).equals(patient.toString())), exported.toString());
            Set<String> apiExport = as(Tokens.of("auditor.ada"))
                    .get("/api/v1/audit/events/export?actor=" + nurseId + "&patient=" + patient).send().body().lines()
                    .map(line -> json(line).get("id").asText()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(apiExport, events.stream().map(row -> row.get(0)).collect(Collectors.toCollection(TreeSet::new)),
                    "the same events as the API's export of the same filter");

            browser.driver().findElement(By.linkText("Audit chain")).click();
            assertEquals("ok", browser.await(By.id("chain-status")).getText());
            assertTrue(browser.driver().findElement(By.id("chain-head")).getText().matches("\\d+:[0-9a-f]{64}"),
                    browser.driver().findElement(By.id("chain-head")).getText());
            assertFalse(browser.driver().findElement(By.id("witness-file")).getText().isBlank());
            browser.inspect("auditor-chain");

            Awaitility.await("the break-the-glass alert").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        browser.open(stack.app("/portal/audit/alerts").toString());
                        return browser.await(By.tagName("h1")).isDisplayed()
                                && browser.driver().findElements(By.cssSelector("table.alerts tbody tr")).stream()
                                .anyMatch(row -> row.getText().contains(nurseId) && row.getText().contains(stranger.toString())
                                        && row.getText().contains("break-the-glass"));
                    });
            browser.inspect("auditor-alerts");

            browser.driver().findElement(By.linkText("Break-the-glass review")).click();
            WebElement grant = browser.await(By.xpath("//section[contains(@class,'grant')][.//dd[normalize-space()='"
                    + grantId + "']]"));
            browser.inspect("auditor-break-glass");
            grant.findElement(By.cssSelector("input[value=UNJUSTIFIED]")).click();
            grant.findElement(By.tagName("textarea")).sendKeys("No emergency in the ward log at that time");
            grant.findElement(By.cssSelector("button[type=submit]")).click();
            assertTrue(browser.await(By.id("reviewed")).getText().contains(grantId));
            assertTrue(browser.driver().findElements(By.xpath("//dd[normalize-space()='" + grantId + "']")).isEmpty(),
                    "the grant left the queue");
            browser.inspect("auditor-break-glass-reviewed");
            JsonNode reviewed = StreamSupport.stream(Stack.json(as(Tokens.of("auditor.ada")).get(GRANTS).send())
                    .spliterator(), false).filter(g -> grantId.equals(g.get("id").asText())).findFirst().orElseThrow();
            assertEquals("UNJUSTIFIED", reviewed.get("reviewOutcome").asText());
            assertEquals("No emergency in the ward log at that time", reviewed.get("reviewNote").asText());
            assertEquals(Tokens.claims(Tokens.of("auditor.ada")).get("sub").asText(), reviewed.get("reviewedBy").asText());

            assertEquals(200, as(Tokens.of("admin.alan")).post("/api/v1/identity/access-review").send().statusCode());
            browser.driver().findElement(By.linkText("Access review")).click();
            assertEquals("Access review", browser.await(By.tagName("h1")).getText());
            Set<String> shown = browser.driver().findElements(By.cssSelector("table.findings tbody tr td:first-child"))
                    .stream().map(WebElement::getText).collect(Collectors.toCollection(TreeSet::new));
            Set<String> latest = new TreeSet<>();
            Stack.json(as(Tokens.of("auditor.ada")).get("/api/v1/identity/access-review").send()).get("findings")
                    .forEach(finding -> latest.add(finding.get("kind").asText()));
            assertEquals(latest, shown, "the latest review's findings");
            browser.inspect("auditor-access-review");
        }
    }

    @Test
    void theAuditorMayNotOpenTheDbaConsole() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/dr").toString());
            browser.logIn(stack.login("auditor.ada"));
            assertEquals("You may not do this", browser.await(By.tagName("h1")).getText());
            browser.inspect("auditor-dba-console-forbidden");
            browser.open(stack.app("/portal/dr/operations/switchover").toString());
            assertEquals("You may not do this", browser.await(By.tagName("h1")).getText());
            assertTrue(browser.driver().findElements(By.linkText("DBA console")).isEmpty());
        }
    }

    /** The text of each cell of the events table, row by row. */
    private static List<List<String>> cells(Browser browser) {
        return browser.driver().findElements(By.cssSelector("table.events tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    private static JsonNode json(String line) {
        try {
            return Stack.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; lines end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString().replaceAll("\r$", ""));
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (quoted || cell.length() > 0 || !row.isEmpty()) {
            throw new AssertionError("the CSV does not end with a complete line");
        }
        return rows;
    }
}
