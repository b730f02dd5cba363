package health.citadel.app.it;

import static health.citadel.app.it.Patients.change;
import static health.citadel.app.it.Patients.heartRate;
import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The clinician's portal in Debian's Chromium against the whole stack: a physician's patients, the chart read and
 * changed through forms (errors on the form, a stale change shown beside the current values and retried), the
 * history's side-by-side diff and a revert, the national id revealed; a chart outside the care team refused and
 * audited; break-the-glass behind a fresh second factor, with its banner while the grant lasts (6 s here).
 */
class ClinicianPortalIT {

    private static final String EMERGENCY = "Unconscious in the emergency department, allergies unknown";
    private static final String MEASURED_AT = "2026-01-02T08:30:00Z";

    private final Stack stack = Stack.get();

    @Test
    void aPhysicianReadsAndChangesTheChartResolvesAConflictComparesRevisionsRevertsAndRevealsTheNationalId()
            throws Exception {
        String physician = Tokens.of("dr.house"); // spends the current code before the browser's login does
        String frontDesk = Tokens.of("front.desk");
        Patients.Canary canary = Patients.Canary.fresh();
        UUID patient = Patients.register(canary, "1968-07-14", false);
        Patients.assignCareTeam("dr.house", patient);
        HttpResponse<String> added = as(physician).post(entries(patient, "observations"))
                .json(object("content", heartRate(72, MEASURED_AT)));
        assertEquals(201, added.statusCode(), added.body());
        String observation = Stack.json(added).get("id").asText();
        long first = Stack.json(added).get("version").asLong();

        // a care-team patient erased since is a tombstone: My patients leaves it out rather than fail
        UUID erased = Patients.register(Patients.Canary.fresh(), "1950-01-01", false);
        Patients.assignCareTeam("dr.house", erased);
        assertEquals(200, as(Tokens.fresh("admin.alan")).post(patient(erased) + "/erase")
                .json(object("reason", "GDPR article 17 request")).statusCode());

        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/patients").toString());
            browser.logIn(stack.login("dr.house"));
            assertEquals("My patients", browser.await(By.tagName("h1")).getText());
            assertTrue(browser.driver().findElements(By.cssSelector("a[href='/portal/patients/" + erased + "']")).isEmpty());
            assertTrue(browser.driver().findElements(By.cssSelector("nav .tasks a")).stream().map(WebElement::getText)
                    .toList().containsAll(List.of("My patients", "Find a patient")));
            browser.inspect("physician-my-patients");
            browser.driver().findElement(By.cssSelector("a[href='/portal/patients/" + patient + "']")).click();

            assertEquals(canary.mrn(), browser.await(By.cssSelector("dd.mrn")).getText());
            assertEquals("****" + canary.nationalId().substring(canary.nationalId().length() - 4),
                    browser.driver().findElement(By.cssSelector("dd.national-id")).getText(), "masked");
            assertTrue(browser.driver().findElement(By.id("entry-" + observation)).getText().contains("Heart rate"));
            browser.inspect("physician-chart");

            // a note added through its form
            browser.driver().findElement(By.id("add-notes")).click();
            new Select(browser.await(By.id("type"))).selectByValue("PROGRESS");
            browser.driver().findElement(By.id("text")).sendKeys("Feels better, walking the corridor");
            browser.inspect("physician-add-note");
            browser.driver().findElement(By.id("save")).click();
            assertTrue(browser.await(By.id("notes")).getText().contains("Feels better, walking the corridor"));
            String note = browser.driver().findElement(By.cssSelector("#notes li")).getAttribute("id")
                    .substring("entry-".length());

            // errors on the form, named by field; nothing stored
            browser.driver().findElement(By.id("change-" + observation)).click();
            browser.await(By.id("code")).clear();
            browser.driver().findElement(By.id("code")).sendKeys("not a code!");
            browser.driver().findElement(By.id("changeReason")).sendKeys("typo");
            browser.driver().findElement(By.id("save")).click();
            assertEquals("Code: must be a code", browser.await(By.id("code-error")).getText());
            assertTrue(browser.driver().findElement(By.id("changeReason-error")).getText()
                    .startsWith("Why you change it: size must be between 5 and 1000"));
            browser.inspect("physician-entry-invalid");
            assertEquals(first, Stack.json(as(physician).get(entries(patient, "observations") + "/" + observation)
                    .send()).get("version").asLong(), "an invalid form stores nothing");

            // a change based on the first version meets the second, made meanwhile through the API
            browser.open(stack.app("/portal/patients/" + patient + "/entries/observations/" + observation).toString());
            browser.await(By.id("value")).clear();
            browser.driver().findElement(By.id("value")).sendKeys("80");
            browser.driver().findElement(By.id("changeReason")).sendKeys("Counted again at rest");
            HttpResponse<String> meanwhile = as(physician).put(entries(patient, "observations") + "/" + observation)
                    .ifMatch(first)
                    .json(object("content", heartRate(90, MEASURED_AT), "reason", "Monitor reading after exercise"));
            assertEquals(200, meanwhile.statusCode(), meanwhile.body());
            browser.driver().findElement(By.id("save")).click();
            assertEquals("Changed by someone else meanwhile", browser.await(By.tagName("h1")).getText());
            WebElement valueRow = browser.driver().findElements(By.cssSelector("table.compare tbody tr")).stream()
                    .filter(row -> row.getText().startsWith("Value")).findFirst().orElseThrow();
            assertEquals("90.0", valueRow.findElement(By.className("current")).getText());
            assertEquals("80", valueRow.findElement(By.className("yours")).getText());
            assertTrue(valueRow.getAttribute("class").contains("differs"));
            browser.inspect("physician-entry-conflict");
            assertEquals("80", browser.driver().findElement(By.id("value")).getAttribute("value"), "the clinician's value");
            browser.driver().findElement(By.id("save")).click(); // retried on the current version
            browser.await(By.id("entry-" + observation));
            JsonNode stored = Stack.json(as(physician).get(entries(patient, "observations") + "/" + observation)
                    .send());
            assertEquals(80.0, stored.at("/content/value").asDouble());
            assertEquals(first + 2, stored.get("version").asLong());

            // the note retired as entered in error: kept with its history, gone from the chart
            browser.driver().findElement(By.id("change-" + note)).click();
            browser.await(By.id("retireReason")).sendKeys("Written in the wrong chart");
            browser.driver().findElement(By.id("retire")).click();
            assertEquals("None recorded.", browser.await(By.cssSelector("#notes .none")).getText());
            assertTrue(Stack.json(as(physician).get(entries(patient, "notes") + "/" + note).send()).get("retired")
                    .asBoolean());

            // the history of the demographics: the front desk's change side by side, then reverted
            HttpResponse<String> read = as(frontDesk).get(patient(patient)).send();
            ObjectNode moving = canary.demographics("1968-07-14");
            moving.withObject("/address").put("city", "Shelbyville");
            HttpResponse<String> moved = as(frontDesk).put(patient(patient))
                    .header("If-Match", read.headers().firstValue("ETag").orElseThrow())
                    .json(change(moving, false, "Moved house"));
            assertEquals(200, moved.statusCode(), moved.body());
            browser.driver().findElement(By.linkText("History of the demographics")).click();
            assertEquals(2, browser.await(By.cssSelector("table.timeline tbody")).findElements(By.tagName("tr")).size());
            WebElement city = browser.driver().findElements(By.cssSelector("table.diff tbody tr")).stream()
                    .filter(row -> row.getText().startsWith("address.city")).findFirst().orElseThrow();
            assertEquals("Springfield", city.findElement(By.className("before")).getText());
            assertEquals("Shelbyville", city.findElement(By.className("after")).getText());
            browser.inspect("physician-history-diff");
            new Select(browser.driver().findElement(By.id("toRevision"))).selectByIndex(0);
            browser.driver().findElement(By.id("reason")).sendKeys("Address changed on the wrong patient");
            browser.driver().findElement(By.id("revert")).click();
            assertEquals(3, browser.await(By.cssSelector("table.timeline tbody")).findElements(By.tagName("tr")).size());
            assertEquals("Springfield", Stack.json(as(frontDesk).get(patient(patient)).send())
                    .at("/demographics/address/city").asText());

            // the national id in full: a fresh login is a recent second factor, so the form shows at once
            browser.open(stack.app("/portal/patients/" + patient).toString());
            browser.await(By.linkText("Reveal the national id")).click();
            browser.await(By.id("reason")).sendKeys("Insurance claim needs it");
            browser.inspect("physician-reveal-form");
            browser.driver().findElement(By.id("reveal")).click();
            assertEquals(canary.nationalId(), browser.await(By.cssSelector("dd.revealed")).getText());
            browser.inspect("physician-revealed");
            assertAudited("REVEAL", patient, "physician");
        }
    }

    @Test
    void aChartOutsideTheCareTeamIsRefusedAndAuditedAndAnEmergencyGrantEndsWhenRevoked() throws Exception {
        Tokens.of("dr.house");
        Patients.Canary canary = Patients.Canary.fresh();
        UUID stranger = Patients.register(canary, "1980-02-29", false);
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/patients/" + stranger).toString());
            browser.logIn(stack.login("dr.house"));
            assertEquals("You may not do this", browser.await(By.tagName("h1")).getText());
            assertFalse(browser.driver().getPageSource().contains(canary.mrn()), "the refusal shows nothing of the patient");
            browser.inspect("physician-chart-forbidden");
            assertAudited("DENIED", stranger, "physician");

            // the physician's login is recent: the dialog shows at once, and its grant is ended from the banner
            browser.open(stack.app("/portal/patients/" + stranger + "/break-glass").toString());
            browser.await(By.id("reason")).sendKeys(EMERGENCY);
            browser.inspect("physician-break-glass-dialog");
            browser.driver().findElement(By.id("break-glass")).click();
            browser.await(By.cssSelector(".emergency button")).click();
            assertEquals("My patients", browser.await(By.tagName("h1")).getText());
            browser.open(stack.app("/portal/patients/" + stranger).toString());
            assertEquals("You may not do this", browser.await(By.tagName("h1")).getText(), "revoked: closed again");
        }
    }

    @Test
    void aNurseOutsideTheCareTeamStepsUpBreaksTheGlassAndSeesTheBannerUntilTheGrantExpires() throws Exception {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1955-11-05", false);
        // a second factor older than the window, without waiting a quarter of an hour: Liberty with a 15 s window
        StepUpWindow.shorten(Duration.ofSeconds(15));
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/patients/" + patient).toString());
            browser.logIn(stack.login("nurse.joy"));
            Instant loggedIn = Instant.now();
            assertEquals("You may not do this", browser.await(By.tagName("h1")).getText());
            browser.inspect("nurse-chart-forbidden");

            Awaitility.await("the nurse's second factor is no longer recent").atMost(Duration.ofSeconds(30))
                    .until(() -> Instant.now().isAfter(loggedIn.plusSeconds(17)));
            browser.driver().findElement(By.id("break-the-glass")).click(); // the refusal's way in for emergencies
            browser.await(By.id("password")); // Keycloak's login again, not the dialog
            assertTrue(browser.driver().getCurrentUrl().startsWith(stack.keycloakUrl()), browser.driver().getCurrentUrl());
            assertTrue(browser.driver().getCurrentUrl().contains("prompt=login"), browser.driver().getCurrentUrl());
            browser.screenshot("nurse-step-up-login");
            reauthenticate(browser, stack.login("nurse.joy"));

            assertEquals("Break the glass", browser.await(By.tagName("h1")).getText(), "back at the dialog");
            browser.driver().findElement(By.id("reason")).sendKeys("urgent!");
            browser.driver().findElement(By.id("break-glass")).click();
            assertEquals("The emergency: must hold at least 20 characters other than spaces",
                    browser.await(By.id("reason-error")).getText());
            browser.inspect("nurse-break-glass-dialog");
            WebElement reason = browser.driver().findElement(By.id("reason"));
            reason.clear();
            reason.sendKeys(EMERGENCY);
            browser.driver().findElement(By.id("break-glass")).click();

            String remaining = browser.await(By.cssSelector(".emergency .remaining")).getText();
            assertTrue(remaining.matches("0:0[0-6]"), remaining);
            assertEquals("Chart", browser.driver().findElement(By.tagName("h1")).getText());
            assertTrue(browser.driver().findElements(By.linkText("Reveal the national id")).isEmpty(),
                    "a nurse may not reveal it, so the chart does not offer it");
            browser.inspect("nurse-chart-emergency"); // the page as rendered, though the grant may end meanwhile

            Awaitility.await("the grant expires").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        browser.open(stack.app("/portal/patients/" + patient).toString());
                        assertEquals("You may not do this", browser.await(By.tagName("h1")).getText());
                    });
            assertTrue(browser.driver().findElements(By.className("emergency")).isEmpty());
            assertAudited("BREAK_GLASS", patient, "nurse");
        } finally {
            StepUpWindow.restoreShipped();
        }
    }

    /** Keycloak's login again: the name is shown, not asked; the password, then the authenticator's code. */
    private static void reauthenticate(Browser browser, Stack.DemoLogin login) {
        browser.await(By.id("password")).sendKeys(login.password());
        browser.driver().findElement(By.id("kc-login")).click();
        browser.await(By.id("otp")).sendKeys(Tokens.spendCode(login));
        browser.driver().findElement(By.id("kc-login")).click();
    }

    private static String entries(UUID patient, String kind) {
        return patient(patient) + "/" + kind;
    }

    /** An event of the patient's audited as the API's are, naming the portal's client and the person's role. */
    private void assertAudited(String action, UUID patient, String role) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode events = Stack.json(as(Tokens.of("auditor.ada"))
                    .get("/api/v1/audit/events?action=" + action + "&size=100&patient=" + patient).send())
                    .get("events");
            assertTrue(StreamSupport.stream(events.spliterator(), false).anyMatch(event ->
                    patient.toString().equals(event.get("patientId").asText())
                            && "citadel-portal".equals(event.get("clientId").asText())
                            && event.get("actorRoles").toString().contains(role)), "no audited " + action);
        });
    }
}
