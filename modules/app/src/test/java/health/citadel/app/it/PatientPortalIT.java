package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The patient in the portal: sees who looked at their record (a physician of their care team, a nurse who broke
 * the glass, marked as such), and downloads the export of their whole record, without a second factor.
 */
class PatientPortalIT {

    private static final String ASSIGNMENTS = "/api/v1/identity/care-team-assignments";

    private final Stack stack = Stack.get();

    @Test
    void thePatientSeesWhoLookedAtTheirRecordIncludingBreakTheGlass() throws Exception {
        UUID own = UUID.fromString(Tokens.claims(Tokens.of("patient.pat")).get("patient_id").asText());
        String physician = Tokens.of("dr.house");
        String nurse = Tokens.of("nurse.joy");
        HttpResponse<String> assigned = as(Tokens.of("admin.alan")).post(ASSIGNMENTS)
                .json(object("clinicianId", Tokens.claims(physician).get("sub").asText(), "patientId", own));
        assertEquals(201, assigned.statusCode(), assigned.body());
        try {
            assertEquals(200, as(physician).get(patient(own) + "/chart").send().statusCode());
            HttpResponse<String> glass = as(nurse).post("/api/v1/identity/break-glass-grants")
                    .json(object("patientId", own, "reason", "Collapsed in the waiting room, allergies unknown"));
            assertEquals(201, glass.statusCode(), glass.body());
            assertEquals(200, as(nurse).get(patient(own) + "/chart").send().statusCode());
        } finally {
            as(Tokens.of("admin.alan")).post(ASSIGNMENTS + "/" + Stack.json(assigned).get("id").asText() + "/end")
                    .send();
        }

        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/my-record/access").toString());
            browser.logIn(stack.login("patient.pat"));
            assertEquals("Who looked at my record", PortalPages.heading(browser));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.accesses tbody tr"));
            assertTrue(rows.stream().anyMatch(row -> row(row, Tokens.claims(physician).get("name").asText(), "physician",
                    "READ") && !row.getAttribute("class").contains("break-glass")), "the physician's read");
            String nurseName = Tokens.claims(nurse).get("name").asText();
            assertTrue(rows.stream().anyMatch(row -> row(row, nurseName, "nurse", "BREAK_GLASS")
                    && row.findElement(By.cssSelector("td.glass")).getText().equals("Break-the-glass")),
                    "the nurse's break-the-glass, marked");
            assertTrue(rows.stream().anyMatch(row -> row(row, nurseName, "nurse", "READ")), "the nurse's read");
            browser.inspect("patient-record-access");

            browser.driver().findElement(By.linkText("My chart")).click();
            WebElement download = browser.await(By.cssSelector("a.download"));
            assertEquals(stack.app("/portal/my-chart/export").toString(), download.getAttribute("href"));
            browser.inspect("patient-my-chart");

            HttpResponse<String> export = PortalPages.get(browser, "/portal/my-chart/export");
            assertEquals(200, export.statusCode(), export.body());
            assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals("attachment; filename=\"my-chart-export.json\"",
                    export.headers().firstValue("Content-Disposition").orElse(""), "a name that names no one");
            assertEquals("no-store", export.headers().firstValue("Cache-Control").orElse(""));
            JsonNode document = Stack.json(export);
            assertEquals(own.toString(), document.get("patientId").asText(), "their own");
            assertEquals("DEMO-000000", document.at("/demographics/mrn").asText());
            assertTrue(document.at("/demographics/nationalId").asText().startsWith("DEMO-"), "unmasked, as the API's");
            assertEquals(7, document.get("entries").size(), "the seeded chart's entries");
        }
    }

    private static boolean row(WebElement row, String who, String role, String action) {
        return row.findElement(By.cssSelector("td.staff")).getText().equals(who)
                && row.findElement(By.cssSelector("td.role")).getText().equals(role)
                && row.findElement(By.cssSelector("td.action")).getText().equals(action);
    }
}
