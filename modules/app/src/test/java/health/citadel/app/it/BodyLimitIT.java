package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A body over the limit (10 MiB) is refused 413 as a problem document on HTTP/1.1 and HTTP/2, with its length
 * declared or streamed without one (chunked, or HTTP/2 frames): before, a declared length got an empty 413 from
 * Liberty's channel and a chunked body a 400.
 */
class BodyLimitIT {

    private static final int LIMIT = 10 * 1024 * 1024;

    @ParameterizedTest
    @CsvSource({"HTTP_1_1, true", "HTTP_1_1, false", "HTTP_2, true", "HTTP_2, false"})
    void aBodyOverTheLimitIsA413ProblemDocument(HttpClient.Version version, boolean lengthDeclared) {
        byte[] body = new byte[LIMIT + 1];
        Arrays.fill(body, (byte) ' ');
        HttpRequest.BodyPublisher publisher = lengthDeclared ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        HttpClient client = HttpClient.newBuilder().version(version).sslContext(Stack.get().trustingStack()).build();
        HttpResponse<String> answer = Stack.send(client, HttpRequest.newBuilder(Stack.get().app(Patients.PATIENTS))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + Tokens.of("front.desk"))
                .header("Content-Type", "application/json").POST(publisher).build());

        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        assertEquals("a request body may have at most " + LIMIT + " bytes", Stack.json(answer).get("detail").asText());
    }
}
