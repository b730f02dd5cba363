package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The portal in Debian's Chromium against the whole stack: Keycloak's real login page with password and TOTP,
 * the home page's navigation by permission, the front desk's search and the patient's own chart, the session
 * cookie, CSRF refusals, designed error pages, no CSP violation on any page, and a logout that ends Keycloak's
 * session too. Screenshots go to
 * {@code target/portal-screenshots}.
 */
class PortalIT {

    private static final String SESSION_COOKIE = "__Host-citadel-session";

    private final Stack stack = Stack.get();
    private final HttpClient https = HttpClient.newBuilder().sslContext(stack.trustingStack()).build();

    @Test
    void withoutASessionThePortalSendsTheBrowserToKeycloaksLogin() {
        HttpResponse<String> answer = get("/portal/", null);

        assertEquals(303, answer.statusCode());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(stack.issuer() + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("client_id=citadel-portal") && location.contains("code_challenge_method=S256"),
                location);
        String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(SESSION_COOKIE + "="), cookie);
        for (String attribute : List.of("Secure", "HttpOnly", "SameSite=Lax", "Path=/")) {
            assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains(attribute.toLowerCase(java.util.Locale.ROOT)),
                    attribute + " missing: " + cookie);
        }
    }

    @Test
    void thePortalsPagesAreNotServedByTheApi() {
        assertEquals(404, as(Tokens.of("front.desk")).get("/api/").send().statusCode());
    }

    @Test
    void theFrontDeskSignsInWithItsCodeSeesItsTasksIsRefusedForgedFormsAndSignsOut() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/").toString());
            browser.await(By.id("username"));
            browser.screenshot("keycloak-login");
            browser.logIn(stack.login("front.desk"));

            assertEquals(List.of("Home", "Find a patient", "Register a patient"),
                    signedInHome(browser, "front-desk-home"));
            assertEquals("front_desk", browser.driver().findElement(By.className("roles")).getText());

            Cookie session = browser.driver().manage().getCookieNamed(SESSION_COOKIE);
            assertTrue(session.isHttpOnly() && session.isSecure(), "the session cookie is HttpOnly and Secure");
            assertEquals("Lax", session.getSameSite());
            HttpResponse<String> home = get("/portal/", session.getValue());
            assertEquals(200, home.statusCode());
            assertEquals("no-store", home.headers().firstValue("Cache-Control").orElse(null));
            assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));

            for (String form : new String[] {"", "csrf=forged-token"}) {
                assertRefused(post("/portal/session/logout", session.getValue(), form));
                assertRefused(post("/portal/patients/search", session.getValue(), form + "&mrn=DEMO-000003"));
            }
            assertEquals(200, get("/portal/", session.getValue()).statusCode(), "a refused form leaves the session");

            browser.driver().findElement(By.linkText("Find a patient")).click();
            browser.await(By.id("mrn")).sendKeys("DEMO-000003");
            browser.driver().findElement(By.cssSelector("form.search button")).click();
            assertEquals("DEMO-000003", browser.await(By.cssSelector("table.patients tbody td")).getText());
            assertFalse(browser.driver().getCurrentUrl().contains("DEMO"), "the MRN is posted, not in the address");
            browser.inspect("patient-search");

            browser.open(stack.app("/portal/my-chart").toString());
            assertEquals("You may not do this", browser.await(By.tagName("h1")).getText());
            browser.inspect("forbidden");
            assertPageDenialAudited("GET /my-chart", "front_desk");

            browser.open(stack.app("/portal/no-such-page").toString());
            assertEquals("Page not found", browser.await(By.tagName("h1")).getText());
            assertFalse(browser.driver().getPageSource().contains("Exception"));
            browser.inspect("not-found");

            browser.open(stack.app("/portal/").toString());
            browser.await(By.cssSelector("form.logout button")).click();
            assertEquals("You have signed out", browser.await(By.tagName("h1")).getText());
            assertTrue(browser.driver().getPageSource().contains("sign-in at the hospital's login have ended"));
            browser.inspect("signed-out");
            // Keycloak's session ended too: the next visit asks for the password again
            browser.driver().findElement(By.id("sign-in-again")).click();
            browser.await(By.id("password"));
            assertEquals(303, get("/portal/", session.getValue()).statusCode(), "the old session is over");
        }
    }

    @Test
    void thePatientSignsInBackToThePageAskedForAndSeesOnlyTheirOwnTasks() throws Exception {
        try (Browser browser = new Browser()) {
            // a page asked for without a session (never signed in, or expired) is where the login comes back to
            browser.open(stack.app("/portal/my-chart").toString());
            browser.logIn(stack.login("patient.pat"));

            assertEquals("DEMO-000000", browser.await(By.cssSelector("dd.mrn")).getText());
            assertTrue(browser.driver().findElements(By.cssSelector(".entries li")).size() >= 5,
                    "the demo chart's vitals, problem, allergy, medication, visit and note");
            browser.inspect("my-chart");
            assertEquals(403, get("/portal/patients/search",
                    browser.driver().manage().getCookieNamed(SESSION_COOKIE).getValue()).statusCode());

            browser.driver().findElement(By.linkText("Home")).click();
            assertEquals(List.of("Home", "My chart", "Who looked at my record"), signedInHome(browser, "patient-home"));
            assertEquals("patient", browser.driver().findElement(By.className("roles")).getText());
        }
    }


    @Test
    void aStepUpAsksForPasswordAndCodeAgainWithinKeycloaksSessionAndReturnsToThePage() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(stack.app("/portal/").toString());
            browser.logIn(stack.login("dr.house"));
            String firstSignIn = browser.await(By.cssSelector("dd.signed-in-at")).getText();

            // Keycloak's session is alive, yet the step-up login shows its form again rather than answering at once
            browser.open(stack.app("/portal/session/step-up?return=/portal/patients/search").toString());
            browser.await(By.id("password"));
            browser.screenshot("step-up-login");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> !java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                            .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()).equals(firstSignIn));
            browser.logIn(stack.login("dr.house"));

            browser.await(By.id("mrn"));
            assertEquals(stack.app("/portal/patients/search").toString(), browser.driver().getCurrentUrl());
            browser.driver().findElement(By.linkText("Home")).click();
            String stepUp = browser.await(By.cssSelector("dd.signed-in-at")).getText();
            assertTrue(stepUp.compareTo(firstSignIn) > 0, "the login's time renews: " + firstSignIn + " → " + stepUp);
            browser.inspect("physician-home");
        }
    }

    @Test
    void aStepUpLoginAsksKeycloakToAskAgain() {
        HttpResponse<String> answer = get("/portal/session/step-up?return=/portal/", null);

        assertEquals(302, answer.statusCode());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(stack.issuer() + "/protocol/openid-connect/auth?")
                && location.contains("prompt=login") && location.contains("max_age=0"), location);
    }

    /** The navigation of the home page the login ended on, after checking it has no CSP violation. */
    private static List<String> signedInHome(Browser browser, String screenshot) {
        assertTrue(browser.await(By.tagName("h1")).getText().startsWith("Signed in as"));
        browser.inspect(screenshot);
        return browser.driver().findElements(By.cssSelector("nav .tasks a")).stream().map(WebElement::getText).toList();
    }

    /** A page refused by the permission check is audited as the API's denials are, naming the portal's client. */
    private void assertPageDenialAudited(String operation, String role) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            var events = Stack.json(as(Tokens.of("auditor.ada")).get("/api/v1/audit/events?action=DENIED&size=100")
                    .send()).get("events");
            assertTrue(java.util.stream.StreamSupport.stream(events.spliterator(), false).anyMatch(event ->
                    operation.equals(event.get("resourceId").asText())
                            && "citadel-portal".equals(event.get("clientId").asText())
                            && event.get("actorRoles").toString().contains(role)), "no audited denial of " + operation);
        });
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertEquals(403, answer.statusCode());
        assertTrue(answer.body().contains("You may not do this"), answer.body());
    }

    private HttpResponse<String> get(String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.app(path)).GET();
        if (session != null) {
            request.header("Cookie", SESSION_COOKIE + "=" + session);
        }
        return Stack.send(https, request.build());
    }

    private HttpResponse<String> post(String path, String session, String form) {
        return Stack.send(https, HttpRequest.newBuilder(stack.app(path))
                .header("Cookie", SESSION_COOKIE + "=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }
}
