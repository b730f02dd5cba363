package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The administrator in the portal: a patient's care team by the patient's id (assign a physician, end the
 * assignment, a clinician who is none refused on the form), the restricted flag set and cleared, and the access
 * review run with its findings; each as the API then shows it.
 */
class AdminPortalIT {

    private static final String ASSIGNMENTS = "/api/v1/identity/care-team-assignments";

    private final Stack stack = Stack.get();

    @Test
    void theAdministratorManagesACareTeamTheRestrictedFlagAndRunsTheAccessReview() throws Exception {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1966-06-06", false);
        String physician = Tokens.of("dr.house");
        String physicianId = Tokens.claims(physician).get("sub").asText();
        as(physician).get("/api/v1/me").send(); // the staff directory learns the physician's name
        String admin = Tokens.of("admin.alan");
        assertEquals(404, as(admin).get("/api/admin/care-teams").send().statusCode(),
                "the pages are the portal's only");
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/admin/care-teams").toString());
            browser.logIn(stack.login("admin.alan"));
            assertEquals("Care teams", PortalPages.heading(browser));
            browser.inspect("admin-care-teams");
            PortalPages.fill(browser, "patientId", "not-an-id");
            PortalPages.submit(browser, "search");
            assertTrue(browser.await(By.cssSelector(".form-errors")).getText().startsWith("Patient id: "));
            PortalPages.fill(browser, "patientId", patient.toString());
            PortalPages.submit(browser, "search");
            assertEquals("Care team of patient " + patient, PortalPages.heading(browser));
            assertTrue(browser.driver().getCurrentUrl().endsWith("/portal/admin/care-teams/" + patient));
            browser.inspect("admin-care-team-empty");

            PortalPages.fill(browser, "clinicianId", Tokens.claims(Tokens.of("front.desk")).get("sub").asText());
            PortalPages.submit(browser, "assign");
            assertEquals("Clinician's user id: not an enabled physician or nurse",
                    browser.await(By.cssSelector(".form-errors")).getText());
            browser.inspect("admin-care-team-refused");
            assertEquals(0, Stack.json(as(admin).get(ASSIGNMENTS + "?patient=" + patient).send()).size(),
                    "nothing written");

            PortalPages.fill(browser, "clinicianId", physicianId);
            PortalPages.submit(browser, "assign");
            WebElement row = browser.await(By.cssSelector("table.care-team tbody tr"));
            assertEquals(Tokens.claims(physician).get("name").asText(), row.findElement(By.cssSelector(".clinician")).getText());
            assertEquals("no end", row.findElement(By.cssSelector(".until")).getText());
            browser.inspect("admin-care-team");
            JsonNode team = Stack.json(as(admin).get(ASSIGNMENTS + "?patient=" + patient).send());
            assertEquals(1, team.size());
            assertEquals(physicianId, team.get(0).get("clinicianId").asText());
            assertEquals("ALLOW CARE_TEAM", stack.decision(physician, patient, "READ_CLINICAL"));

            row.findElement(By.cssSelector("form.end button")).click();
            assertEquals("ended", browser.await(By.cssSelector("table.care-team tbody tr td span.none")).getText());
            assertFalse(Stack.json(as(admin).get(ASSIGNMENTS + "?patient=" + patient).send()).get(0).get("endsAt")
                    .isNull());
            assertEquals("DENY NONE", stack.decision(physician, patient, "READ_CLINICAL"));

            browser.driver().findElement(By.linkText("Restricted patients")).click();
            PortalPages.fill(browser, "patientId", patient.toString());
            browser.driver().findElement(By.id("restricted-set")).click();
            PortalPages.fill(browser, "reason", "no");
            PortalPages.submit(browser, "admin-form");
            assertTrue(browser.await(By.cssSelector(".form-errors")).getText().contains("Reason: "));
            browser.inspect("admin-restriction-invalid");
            PortalPages.fill(browser, "reason", "Employed at the hospital from today");
            PortalPages.submit(browser, "admin-form");
            assertEquals("restricted", browser.await(By.cssSelector(".saved .restriction")).getText());
            browser.inspect("admin-restriction");
            assertTrue(Stack.json(as(Tokens.of("front.desk")).get(patient(patient)).send())
                    .get("restricted").asBoolean());
            PortalPages.fill(browser, "patientId", patient.toString());
            browser.driver().findElement(By.id("restricted-clear")).click();
            PortalPages.fill(browser, "reason", "Employment at the hospital ended");
            PortalPages.submit(browser, "admin-form");
            assertEquals("not restricted", browser.await(By.cssSelector(".saved .restriction")).getText());
            assertFalse(Stack.json(as(Tokens.of("front.desk")).get(patient(patient)).send())
                    .get("restricted").asBoolean());

            browser.driver().findElement(By.linkText("Access review")).click();
            assertEquals("Access review", PortalPages.heading(browser));
            PortalPages.submit(browser, "run-review");
            assertEquals("The review has run.", browser.await(By.cssSelector(".saved")).getText());
            assertEquals("ON_DEMAND", browser.driver().findElement(By.cssSelector("dd.trigger")).getText());
            browser.inspect("admin-access-review");
            JsonNode latest = Stack.json(as(admin).get("/api/v1/identity/access-review").send());
            assertEquals(Tokens.claims(admin).get("sub").asText(), latest.get("requestedBy").asText());
            assertEquals(latest.get("findings").size(), Integer.parseInt(
                    browser.driver().findElement(By.cssSelector("dd.finding-count")).getText()));
            assertEquals(latest.get("findings").size(),
                    browser.driver().findElements(By.cssSelector("table.findings tbody tr")).size());
        }
    }
}
