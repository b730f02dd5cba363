package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The DBA console in Chromium with a real login: replication shown and re-read by its script; a change's form
 * sends the DBA through Keycloak's login again once the second factor is older than the step-up window; a
 * switchover whose typed confirmation is wrong is refused with the field named and nothing done; then one typed
 * right runs, the page shows the new writer, the journal shows it, and the console switches back. Liberty runs
 * with a short step-up window for this class only, and region A is the writer again at the end.
 */
class DbaConsoleIT {

    private static final Duration WINDOW = Duration.ofSeconds(30);
    private final Stack stack = Stack.get();

    @BeforeAll
    static void shortWindow() throws Exception {
        StepUpWindow.shorten(WINDOW);
    }

    @AfterAll
    static void shippedWindowAndRegionA() throws Exception {
        try {
            String dba = Tokens.fresh("dba.dana");
            if (!"a".equals(DrStatus.await(dba, status -> true).at("/writer/name").asText())) {
                as(dba).post("/api/v1/dr/switchover").json(object()); // a failed test's leftover: the others expect A
            }
        } finally {
            StepUpWindow.restoreShipped();
        }
    }

    @Test
    void theDbaStepsUpIsRefusedAWrongConfirmationAndSwitchesOverAndBackFromTheConsole() throws Exception {
        String dbaId = Tokens.claims(Tokens.of("dba.dana")).get("sub").asText();
        long epoch = DrStatus.await(Tokens.of("dba.dana"), s -> "a".equals(s.at("/writer/name").asText())
                && s.get("problems").isEmpty()).at("/writer/epoch").asLong();
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/dr").toString());
            browser.logIn(stack.login("dba.dana"));
            Instant loggedIn = Instant.now();
            assertEquals("DBA console", browser.await(By.tagName("h1")).getText());
            assertEquals("a", text(browser, By.id("writer-name")));
            String probed = text(browser, By.cssSelector("#replication .hint"));
            Awaitility.await("the script re-reads the status").atMost(Duration.ofSeconds(15))
                    .until(() -> !probed.equals(text(browser, By.cssSelector("#replication .hint"))));
            browser.inspect("dba-console");

            browser.open(stack.app("/portal/dr/verify").toString());
            assertEquals("the same", browser.await(By.id("regions-same")).getText());
            browser.inspect("dba-verify");

            Awaitility.await("the step-up window passes").atMost(WINDOW.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(loggedIn.plus(WINDOW).plusSeconds(3)));
            HttpResponse<String> stale = PortalForms.post(browser, "/portal/dr/operations/switchover",
                    Map.of("confirm", "b"));
            assertEquals(401, stale.statusCode(), "the service asks for the second factor again: " + stale.body());
            assertTrue(stale.body().contains("Confirm it is you") && stale.body().matches(
                    "(?s).*/portal/session/step-up\\?return=(%2F|/)portal(%2F|/)dr(%2F|/)operations(%2F|/)switchover.*"),
                    stale.body());
            assertEquals(epoch, DrStatus.await(Tokens.of("dba.dana"), s -> true).at("/writer/epoch").asLong(),
                    "nothing was done");
            browser.open(stack.app("/portal/dr").toString());
            browser.await(By.id("to-switchover")).click();
            browser.await(By.id("password"));
            assertTrue(browser.driver().getCurrentUrl().startsWith(stack.keycloakUrl()),
                    "the form sends the DBA to Keycloak's login first: " + browser.driver().getCurrentUrl());
            browser.screenshot("dba-step-up-login");
            browser.logIn(stack.login("dba.dana"));
            assertEquals("Switch over to b", browser.await(By.tagName("h1")).getText());
            assertTrue(browser.driver().getCurrentUrl().endsWith("/portal/dr/operations/switchover"));

            browser.driver().findElement(By.id("confirm")).sendKeys("a");
            browser.driver().findElement(By.id("run")).click();
            assertTrue(browser.await(By.id("form-error")).getText().startsWith("confirm:"),
                    browser.driver().findElement(By.id("form-error")).getText());
            assertEquals(epoch, DrStatus.await(Tokens.of("dba.dana"), s -> true).at("/writer/epoch").asLong(),
                    "nothing was done");
            assertEquals("a", text(browser, By.id("writer-name")));

            switchOver(browser, "b");
            browser.inspect("dba-switched-over");

            browser.open(stack.app("/portal/dr/journal").toString());
            WebElement newest = browser.await(By.cssSelector("table.journal tbody tr"));
            List<String> cells = newest.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("DR_SWITCHOVER", "b", "SUCCESS", dbaId), cells.subList(1, 5), cells.toString());
            browser.inspect("dba-journal");

            openForm(browser, "/portal/dr/operations/switchover", By.id("confirm"));
            browser.inspect("dba-switchover-form");
            switchOver(browser, "a");

            openForm(browser, "/portal/dr/operations/failover", By.id("acceptDataLoss"));
            assertTrue(browser.driver().findElement(By.id("rpo")).getText().contains("Estimated data loss"));
            browser.inspect("dba-failover-form");
            HttpResponse<String> notAccepted = PortalForms.post(browser, "/portal/dr/operations/failover", Map.of());
            assertEquals(400, notAccepted.statusCode(), notAccepted.body());
            assertTrue(notAccepted.body().contains("acceptDataLoss"), "the checkbox is named");
            for (String change : List.of("fence", "rejoin")) {
                openForm(browser, "/portal/dr/operations/regions/b/" + change, By.id("run"));
                browser.inspect("dba-" + change + "-form");
            }
        }
        assertEquals(epoch + 2, DrStatus.await(Tokens.of("dba.dana"), s -> true).at("/writer/epoch").asLong(),
                "two switchovers and nothing else");
        DrStatus.await(Tokens.of("dba.dana"), s -> "a".equals(s.at("/writer/name").asText()) && s.get("problems").isEmpty());
    }

    /** A change's form, through Keycloak's login again when the step-up window has passed meanwhile. */
    private static void openForm(Browser browser, String path, By field) {
        browser.open(Stack.get().app(path).toString());
        browser.await(By.cssSelector("#password, main h1"));
        if (!browser.driver().findElements(By.id("password")).isEmpty()) {
            browser.logIn(Stack.get().login("dba.dana"));
        }
        browser.await(field);
    }

    /** An element's text; the console's script may swap the status panel in between finding and reading it. */
    private static String text(Browser browser, By what) {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> browser.driver().findElement(what).getText(), shown -> true);
    }

    /** Types the target's name on the switchover form shown, runs it and waits for the page to name the new writer. */
    private void switchOver(Browser browser, String target) throws Exception {
        WebElement confirm = browser.await(By.id("confirm"));
        confirm.clear();
        confirm.sendKeys(target);
        browser.driver().findElement(By.id("run")).click();
        assertEquals(target, browser.await(By.id("new-writer")).getText());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> target.equals(text(browser, By.id("writer-name"))));
        DrStatus.await(Tokens.of("dba.dana"), s -> target.equals(s.at("/writer/name").asText())
                && s.get("problems").isEmpty());
    }
}
