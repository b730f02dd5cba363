package health.citadel.app.it;

import static health.citadel.app.it.Request.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors the container makes by itself answer as problem documents, like the API's, never as Liberty's HTML. */
class ContainerErrorsIT {

    @ParameterizedTest
    @CsvSource({
            "/nothing-is-served-here, 403, Forbidden",
            "/, 403, Forbidden",
            "/static/no-such-file.css, 404, Not Found",
            "/container-error, 404, Not Found"})
    void theContainersOwnErrorIsAProblemDocument(String path, int status, String title) {
        HttpResponse<String> answer = anonymous().get(path).send();
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        assertEquals(title, Stack.json(answer).get("title").asText());
        assertEquals(status, Stack.json(answer).get("status").asInt());
        assertTrue(!answer.body().contains(path.substring(1)) || path.equals("/"), "the path is not quoted");
    }
}
