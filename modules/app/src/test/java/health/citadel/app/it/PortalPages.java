package health.citadel.app.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the portal's page tests share: filling a form in the browser, and the browser's session for plain HTTP. */
final class PortalPages {

    static final String SESSION_COOKIE = "__Host-citadel-session";

    private PortalPages() {
    }

    /** Types the value into the input with this id, replacing what it held. */
    static void fill(Browser browser, String id, String value) {
        WebElement input = browser.await(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Clicks the submit button of the form of this CSS class. */
    static void submit(Browser browser, String formClass) {
        browser.driver().findElement(By.cssSelector("form." + formClass + " button[type=submit]")).click();
    }

    /** The page's h1, once it shows. */
    static String heading(Browser browser) {
        return browser.await(By.tagName("h1")).getText();
    }

    /** A GET with the browser's portal session, as the browser would send it. */
    static HttpResponse<String> get(Browser browser, String path) {
        Stack stack = Stack.get();
        String session = browser.driver().manage().getCookieNamed(SESSION_COOKIE).getValue();
        return Stack.send(HttpClient.newBuilder().sslContext(stack.trustingStack()).build(),
                HttpRequest.newBuilder(stack.app(path)).header("Cookie", SESSION_COOKIE + "=" + session).GET().build());
    }
}
