package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing is served in clear: Liberty's two listeners and Keycloak's (in production mode) speak TLS 1.3 only, with
 * certificates of the stack's authority; Liberty refuses oversized requests.
 */
class TransportIT {

    private final Stack stack = Stack.get();

    static List<String> listeners() {
        return List.of("liberty", "liberty-management", "keycloak");
    }

    private int port(String listener) {
        return switch (listener) {
            case "liberty" -> stack.appPort();
            case "liberty-management" -> stack.management("").getPort();
            default -> URI.create(stack.keycloakUrl()).getPort();
        };
    }

    @ParameterizedTest
    @MethodSource("listeners")
    void plainHttpGetsNoHttpAnswer(String listener) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port(listener)), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readWhatComes(socket.getInputStream());
            assertFalse(answer.startsWith("HTTP/"), "answered in clear: " + answer);
        }
    }

    @ParameterizedTest
    @MethodSource("listeners")
    void tls13HandshakeSucceeds(String listener) throws IOException {
        try (SSLSocket socket = handshake(port(listener), "TLSv1.3")) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
        }
    }

    @ParameterizedTest
    @MethodSource("listeners")
    void olderTlsIsRefused(String listener) {
        assertThrows(SSLHandshakeException.class, () -> handshake(port(listener), "TLSv1.2").close());
    }

    @Test
    void keycloakRunsInProductionModeAndNamesOnlyHttpsEndpoints() throws IOException {
        HttpResponse<String> discovery = Stack.send(HttpClient.newBuilder().sslContext(stack.trustingStack()).build(),
                HttpRequest.newBuilder(URI.create(stack.issuer() + "/.well-known/openid-configuration")).build());

        assertEquals(200, discovery.statusCode());
        JsonNode document = Stack.json(discovery);
        for (String endpoint : List.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri",
                "end_session_endpoint")) {
            assertTrue(document.get(endpoint).asText().startsWith("https://"), endpoint);
        }
        String log = Files.readString(stack.home().resolve("logs/keycloak.log"));
        assertTrue(log.contains("Profile prod activated") && !log.contains("Profile dev activated"),
                "Keycloak was started with start-dev");
    }

    @Test
    void anOversizedRequestIsRefusedBeforeItReachesTheApplication() {
        byte[] elevenMebibytes = new byte[11 * 1024 * 1024];
        HttpResponse<String> response = Stack.send(
                HttpClient.newBuilder().sslContext(stack.trustingStack()).build(),
                HttpRequest.newBuilder(stack.app("/api/v1/me"))
                        .header("Authorization", "Bearer " + Tokens.of("dr.house"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(elevenMebibytes)).build());

        assertEquals(413, response.statusCode());
    }

    private SSLSocket handshake(int port, String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) stack.trustingStack().getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        socket.setEnabledProtocols(new String[] {protocol});
        socket.startHandshake();
        return socket;
    }

    private static String readWhatComes(InputStream in) {
        byte[] buffer = new byte[64];
        try {
            int read = in.read(buffer);
            return read <= 0 ? "" : new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
        } catch (IOException closedOrSilent) {
            return "";
        }
    }
}
