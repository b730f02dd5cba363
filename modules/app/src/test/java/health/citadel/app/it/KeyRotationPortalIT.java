package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Key rotations in the portal are high-stakes: once the administrator's second factor is older than the step-up
 * window, opening the page sends the browser to Keycloak's login again, and back to the page after it. Liberty
 * runs with a 15-second window for this class only, so the test need not wait the production quarter of an hour.
 */
class KeyRotationPortalIT {

    private static final Duration WINDOW = Duration.ofSeconds(15);
    private final Stack stack = Stack.get();

    @BeforeAll
    static void shortWindow() throws Exception {
        StepUpWindow.shorten(WINDOW);
    }

    @AfterAll
    static void shippedWindow() throws Exception {
        StepUpWindow.restoreShipped();
    }

    @Test
    void keyRotationsAskForTheSecondFactorAgainThenStartAndResumeARotation() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/").toString());
            browser.logIn(stack.login("admin.alan"));
            assertTrue(PortalPages.heading(browser).startsWith("Signed in as"));
            Instant loggedIn = Instant.now();
            Awaitility.await("the step-up window passes").atMost(WINDOW.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(loggedIn.plus(WINDOW).plusSeconds(2)));

            browser.driver().findElement(By.linkText("Key rotations")).click();
            browser.await(By.id("password"));
            assertTrue(browser.driver().getCurrentUrl().startsWith(stack.keycloakUrl()), "Keycloak's login again");
            browser.logIn(stack.login("admin.alan"));
            assertEquals("Key rotations", PortalPages.heading(browser));
            assertEquals(stack.app("/portal/admin/key-rotations").toString(), browser.driver().getCurrentUrl());

            // a rotation of the key-encryption key, one patient this run, then the rest: nothing is left unfinished
            new Select(browser.driver().findElement(By.id("kind"))).selectByValue("KEY_ENCRYPTION_KEY");
            PortalPages.fill(browser, "maxPatients", "1");
            PortalPages.submit(browser, "admin-form");
            assertEquals("Run done: 1 patients so far; run again to resume.",
                    browser.await(By.cssSelector(".saved")).getText());
            assertEquals("in progress", browser.driver().findElement(By.cssSelector("table.rotations tbody tr td:nth-child(3)")).getText());
            new Select(browser.driver().findElement(By.id("kind"))).selectByValue("KEY_ENCRYPTION_KEY");
            PortalPages.submit(browser, "admin-form");
            assertTrue(browser.await(By.cssSelector(".saved")).getText().startsWith("Rotation finished: "));
            browser.inspect("admin-key-rotations"); // after the runs, which must follow the new login within the window
            var latest = Stack.json(as(Tokens.fresh("admin.alan")).get("/api/v1/keys/rotations").send()).get(0);
            assertEquals("KEY_ENCRYPTION_KEY", latest.get("kind").asText());
            assertTrue(latest.hasNonNull("finishedAt"), latest.toString());
        }
    }
}
