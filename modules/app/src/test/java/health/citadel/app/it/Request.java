package health.citadel.app.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to the stack's application, written as a test states it:
 * {@code as(desk).put(patient(id)).ifMatch(0).json(change)}. It goes out over the stack's one HTTPS client
 * ({@link Stack#send(HttpRequest.Builder)}), which trusts only the stack's certificate.
 */
final class Request {

    private static final String JSON_TYPE = "application/json";

    private final String method;
    private final String path;
    private final String token;
    /** Extra headers, as name, value pairs in the order given. */
    private final List<String> headers = new ArrayList<>();

    private Request(String method, String path, String token) {
        this.method = method;
        this.path = path;
        this.token = token;
    }

    /** Requests with the bearer token. */
    static Caller as(String token) {
        return new Caller(token);
    }

    /** Requests without an Authorization header. */
    static Caller anonymous() {
        return new Caller(null);
    }

    /** Who sends: a bearer token, or none. */
    record Caller(String token) {

        Request get(String path) {
            return new Request("GET", path, token);
        }

        Request post(String path) {
            return new Request("POST", path, token);
        }

        Request put(String path) {
            return new Request("PUT", path, token);
        }
    }

    /** {@code If-Match: "N"}: the version the change is made to, as the API's ETag states it. */
    Request ifMatch(long version) {
        return header("If-Match", "\"" + version + "\"");
    }

    Request header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Sends the body as JSON, written by Jackson. */
    HttpResponse<String> json(Object body) {
        try {
            return body(JSON_TYPE, Stack.JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the text as it is, declared as the content type: for a body whose very text the test is about. */
    HttpResponse<String> body(String contentType, String text) {
        return send(contentType, HttpRequest.BodyPublishers.ofString(text));
    }

    /** Sends no body: a GET as it is, a POST or PUT with an empty one declared as JSON, as the API's resources take. */
    HttpResponse<String> send() {
        return "GET".equals(method) ? send(null, HttpRequest.BodyPublishers.noBody()) : body(JSON_TYPE, "");
    }

    private HttpResponse<String> send(String contentType, HttpRequest.BodyPublisher body) {
        Stack stack = Stack.get();
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.app(path)).method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return stack.send(request);
    }

    /**
     * A JSON object with the names and values in the order given, as a request body or part of one. A value is
     * written as Jackson writes it: a string or UUID as a string, a number as a number, a list as an array, a node
     * as it is, null as null.
     */
    static ObjectNode object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        ObjectNode object = Stack.JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.set((String) namesAndValues[i], Stack.JSON.valueToTree(namesAndValues[i + 1]));
        }
        return object;
    }
}
