package health.citadel.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.citadel.platform.tls.TrustedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The local stack that {@code bin/citadel up} started for this build (pre-integration-test), read from the
 * files it wrote. Shared by every integration test class.
 */
public final class Stack {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static Stack instance;

    private final Path home;
    private final JsonNode descriptor;
    private final JsonNode demoLogins;
    private final SSLContext trustingStack;
    private final HttpClient https;

    private Stack(Path home) throws IOException {
        this.home = home;
        this.descriptor = JSON.readTree(home.resolve("stack.json").toFile());
        this.demoLogins = JSON.readTree(home.resolve("demo-logins.json").toFile());
        this.trustingStack = TrustedCertificate.sslContext(Path.of(descriptor.at("/app/certificate").asText()));
        this.https = HttpClient.newBuilder().sslContext(trustingStack).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static synchronized Stack get() {
        if (instance == null) {
            try {
                instance = new Stack(Path.of(System.getProperty("citadel.home")));
            } catch (IOException e) {
                throw new IllegalStateException("the local stack's descriptor cannot be read", e);
            }
        }
        return instance;
    }

    public Path home() {
        return home;
    }

    public JsonNode descriptor() {
        return descriptor;
    }

    public URI app(String path) {
        return URI.create(descriptor.at("/app/url").asText() + path);
    }

    public int appPort() {
        return app("").getPort();
    }

    /** A URI on Liberty's management listener, the only one that serves /health, /metrics and /openapi. */
    public URI management(String path) {
        return URI.create(descriptor.at("/app/managementUrl").asText() + path);
    }

    /** GET on the management listener without a token, as a probe or Prometheus asks. */
    public HttpResponse<String> managementGet(String path) {
        return send(HttpRequest.newBuilder(management(path)).GET());
    }

    public String keycloakUrl() {
        return descriptor.at("/keycloak/url").asText();
    }

    public String issuer() {
        return descriptor.at("/keycloak/issuer").asText();
    }

    public DemoLogin login(String username) {
        for (JsonNode login : demoLogins) {
            if (login.get("username").asText().equals(username)) {
                return new DemoLogin(username, login.get("password").asText(),
                        login.get("totpSecret").isNull() ? null : login.get("totpSecret").asText());
            }
        }
        throw new IllegalArgumentException("no demo login " + username);
    }

    public SSLContext trustingStack() {
        return trustingStack;
    }

    /**
     * Sends the request over HTTPS, trusting only the stack's own certificate, with the tests' timeout: the one way
     * to the application ({@link Request} builds its requests) and to the management listener.
     */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(https, request.timeout(Duration.ofSeconds(20)).build());
    }

    /** The caller's access decision for a permission on a patient, as "VERDICT BASIS". */
    public String decision(String bearer, java.util.UUID patient, String permission) {
        HttpResponse<String> response = Request.as(bearer)
                .get("/api/v1/me/access-decision?patient=" + patient + "&permission=" + permission).send();
        if (response.statusCode() != 200) {
            throw new AssertionError("access decision: " + response.statusCode() + " " + response.body());
        }
        JsonNode decision = json(response);
        return decision.get("verdict").asText() + " " + decision.get("basis").asText();
    }

    /** The value of an application metric with one series (labels aside), as /metrics publishes it now. */
    public double metric(String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name)
                + "\\{[^}]*} (\\S+)$").matcher(managementGet("/metrics").body());
        if (!value.find()) {
            throw new AssertionError(name + " is not published");
        }
        return Double.parseDouble(value.group(1));
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    public record DemoLogin(String username, String password, String totpSecret) {
    }
}
