package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Nothing is served in clear: the one listener speaks TLS 1.3 only, and refuses oversized requests. */
class TransportIT {

    private final Stack stack = Stack.get();

    @Test
    void plainHttpGetsNoHttpAnswer() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", stack.appPort()), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readWhatComes(socket.getInputStream());
            assertFalse(answer.startsWith("HTTP/"), "answered in clear: " + answer);
        }
    }

    @Test
    void tls13HandshakeSucceeds() throws IOException {
        try (SSLSocket socket = handshake("TLSv1.3")) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
        }
    }

    @Test
    void olderTlsIsRefused() {
        assertThrows(SSLHandshakeException.class, () -> handshake("TLSv1.2").close());
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

    private SSLSocket handshake(String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) stack.trustingStack().getSocketFactory().createSocket("127.0.0.1", stack.appPort());
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
