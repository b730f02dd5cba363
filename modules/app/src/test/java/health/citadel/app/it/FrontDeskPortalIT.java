package health.citadel.app.it;

import static health.citadel.app.it.Patients.change;
import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The front desk in the portal: registers a patient with every demographic field, is shown the field it got
 * wrong (and nothing is written), changes the demographics at the version it read, meets the conflict page when
 * someone changed them meanwhile, and is refused the administrator's pages.
 */
class FrontDeskPortalIT {

    private final Stack stack = Stack.get();

    @Test
    void theFrontDeskRegistersAPatientAndChangesTheirDemographics() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        String frontDesk = Tokens.of("front.desk");
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/patients/new").toString());
            browser.logIn(stack.login("front.desk"));
            assertEquals("Register a patient", PortalPages.heading(browser));
            browser.inspect("front-desk-register");

            PortalPages.fill(browser, "mrn", canary.mrn());
            PortalPages.fill(browser, "familyName", canary.family());
            PortalPages.fill(browser, "givenNames", canary.given() + " Maria");
            // a date input's typing order follows the browser's locale; its value is always year-month-day
            browser.driver().executeScript("arguments[0].value = '1984-12-03';", browser.driver().findElement(By.id("birthDate")));
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("sex"))).selectByValue("FEMALE");
            PortalPages.fill(browser, "nationalId", canary.nationalId());
            PortalPages.fill(browser, "addressLines", "1 " + canary.family() + " Street\nFlat 2");
            PortalPages.fill(browser, "city", "Leeds");
            PortalPages.fill(browser, "postalCode", "LS1 4AP");
            PortalPages.fill(browser, "country", "Great Britain");
            PortalPages.fill(browser, "phone", "+44 113 496 0000");
            PortalPages.fill(browser, "email", canary.email());
            PortalPages.fill(browser, "contactName", canary.contact());
            PortalPages.fill(browser, "contactRelationship", "brother");
            PortalPages.submit(browser, "demographics-form");

            String errors = browser.await(By.cssSelector(".form-errors")).getText();
            assertTrue(errors.contains("Country code: must be an ISO 3166 country code"), errors);
            assertEquals("true", browser.driver().findElement(By.id("country")).getAttribute("aria-invalid"));
            assertEquals(canary.family(), browser.driver().findElement(By.id("familyName")).getAttribute("value"),
                    "the form keeps what was typed");
            browser.inspect("front-desk-register-invalid");
            assertEquals(0, Stack.json(as(frontDesk).get(Patients.PATIENTS + "?mrn=" + canary.mrn()).send())
                    .get("items").size(), "nothing is written from an invalid form");

            PortalPages.fill(browser, "country", "gb");
            PortalPages.submit(browser, "demographics-form");
            assertEquals("Patient registered.", browser.await(By.cssSelector(".saved")).getText());
            UUID patient = UUID.fromString(browser.driver().findElement(By.cssSelector("dd.patient-id")).getText());
            assertFalse(browser.driver().getCurrentUrl().contains(canary.mrn()), "ids only in the address");
            browser.inspect("front-desk-demographics");

            JsonNode registered = Stack.json(as(frontDesk).get(patient(patient)).send());
            assertEquals(canary.mrn(), registered.at("/demographics/mrn").asText());
            assertEquals("[\"" + canary.given() + "\",\"Maria\"]", registered.at("/demographics/givenNames").toString());
            assertEquals("1984-12-03", registered.at("/demographics/birthDate").asText());
            assertEquals("GB", registered.at("/demographics/address/country").asText());
            assertEquals("Flat 2", registered.at("/demographics/address/lines/1").asText());
            assertEquals("brother", registered.at("/demographics/emergencyContact/relationship").asText());
            String maskedNationalId = registered.at("/demographics/nationalId").asText();
            assertTrue(maskedNationalId.startsWith("****"), maskedNationalId);

            PortalPages.fill(browser, "city", "York");
            PortalPages.fill(browser, "reason", "Patient moved house");
            PortalPages.submit(browser, "demographics-form");
            assertEquals("Changes saved.", browser.await(By.cssSelector(".saved")).getText());
            JsonNode changed = Stack.json(as(frontDesk).get(patient(patient)).send());
            assertEquals("York", changed.at("/demographics/address/city").asText());
            assertEquals(maskedNationalId, changed.at("/demographics/nationalId").asText(),
                    "an empty national id keeps the one on record");
            assertEquals(registered.get("version").asLong() + 1, changed.get("version").asLong());
            assertEquals("Patient moved house", Stack.json(as(frontDesk).get(patient(patient) + "/history").send())
                    .get(1).get("reason").asText());

            browser.driver().findElement(By.linkText("Find a patient")).click();
            PortalPages.fill(browser, "mrn", canary.mrn());
            PortalPages.submit(browser, "search");
            browser.await(By.cssSelector("table.patients a.demographics")).click();
            assertEquals("York", browser.await(By.id("city")).getAttribute("value"), "the search leads to the form");

            // someone else changes the patient while the form is open: saving it is refused, nothing is overwritten
            HttpResponse<String> meanwhile = as(frontDesk).put(patient(patient))
                    .ifMatch(changed.get("version").asLong())
                    .json(change(canary.demographics("1984-12-03"), false, "Corrected at the other desk"));
            assertEquals(200, meanwhile.statusCode(), meanwhile.body());
            PortalPages.fill(browser, "city", "Harrogate");
            PortalPages.fill(browser, "reason", "Patient moved house again");
            PortalPages.submit(browser, "demographics-form");
            assertEquals("Changed by someone else meanwhile", PortalPages.heading(browser));
            assertTrue(browser.driver().getPageSource().contains("412"));
            browser.inspect("front-desk-conflict");
            assertEquals("Springfield", Stack.json(as(frontDesk).get(patient(patient)).send())
                    .at("/demographics/address/city").asText());

            browser.driver().findElement(By.cssSelector("a.current")).click();
            assertEquals("Springfield", browser.await(By.id("city")).getAttribute("value"), "their change shows");
            PortalPages.fill(browser, "reason", "no");
            PortalPages.fill(browser, "email", "not an email");
            PortalPages.submit(browser, "demographics-form");
            String invalid = browser.await(By.cssSelector(".form-errors")).getText();
            assertTrue(invalid.contains("Email: must be a well-formed email address"), invalid);
            assertTrue(invalid.contains("Reason: say why, in 5 to 1000 characters"), invalid);
            browser.inspect("front-desk-demographics-invalid");

            assertFalse(browser.driver().getPageSource().contains("observations"), "no clinical data for the front desk");
        }
    }

    @Test
    void theFrontDeskIsRefusedTheAdministratorsPages() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/admin/care-teams").toString());
            browser.logIn(stack.login("front.desk"));
            assertEquals("You may not do this", PortalPages.heading(browser));
            browser.inspect("front-desk-admin-forbidden");
            assertEquals(403, PortalPages.get(browser, "/portal/admin/restriction").statusCode());
            assertEquals(403, PortalPages.get(browser, "/portal/admin/key-rotations").statusCode());
            assertEquals(403, PortalPages.get(browser, "/portal/my-record/access").statusCode());
            assertTrue(browser.driver().findElements(By.linkText("Care teams")).isEmpty(), "not offered either");
        }
    }
}
