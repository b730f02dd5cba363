package health.citadel.app.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.openqa.selenium.By;

/** A form posted with the browser's portal session and CSRF token, for an answer a test reads itself (a download). */
final class PortalForms {

    static final String SESSION_COOKIE = "__Host-citadel-session";

    private PortalForms() {
    }

    /** Posts {@code fields} to {@code path} as the page shown in {@code browser} would, with its session and token. */
    static HttpResponse<String> post(Browser browser, String path, Map<String, String> fields) {
        Stack stack = Stack.get();
        String session = browser.driver().manage().getCookieNamed(SESSION_COOKIE).getValue();
        String csrf = browser.driver().findElement(By.name("csrf")).getAttribute("value");
        Map<String, String> form = new java.util.LinkedHashMap<>(fields);
        form.put("csrf", csrf);
        HttpClient https = HttpClient.newBuilder().sslContext(stack.trustingStack()).build();
        return Stack.send(https, HttpRequest.newBuilder(stack.app(path))
                .header("Cookie", SESSION_COOKIE + "=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PortalLogin.form(form))).build());
    }
}
