package health.citadel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.citadel.platform.tls.TrustedCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Citadel's REST API and Keycloak's token endpoint over HTTPS, trusting only the stack's own certificate. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;

    Api(String baseUrl, Path certificate) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(TrustedCertificate.sslContext(certificate))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One call; any status other than {@code expected} stops the benchmark: a failing workload measures nothing. */
    HttpResponse<String> call(String method, String path, String bearer, String json, int expected,
                              String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = send(http, request.build());
        if (response.statusCode() != expected) {
            // the path template only: paths of the chart carry ids, and bodies may carry synthetic PHI
            throw new BenchFailure(method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}").replaceAll("\\?.*", "?…")
                    + " answered " + response.statusCode() + ", expected " + expected);
        }
        return response;
    }

    /** A form POST to Keycloak's token endpoint; the raw answer. */
    HttpResponse<String> tokenRequest(String tokenEndpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(http, HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new BenchFailure("an answer was not JSON", e);
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchFailure(request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }
}
