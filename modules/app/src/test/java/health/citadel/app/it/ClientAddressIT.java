package health.citadel.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy the client's address is the one the proxy forwarded, and only a trusted proxy's word
 * counts. The suite trusts 127.0.0.2 (see the pom); these requests leave from 127.0.0.2 or 127.0.0.3 as a proxy
 * would, and the audit event and the access log line of each must name the same client.
 */
class ClientAddressIT {

    private static final String TRUSTED_PROXY = "127.0.0.2";
    private static final String UNTRUSTED_SENDER = "127.0.0.3";
    /** A physician asking for the role table: denied, and the denial is audited with its source. */
    private static final String DENIED = "/api/v1/identity/roles";

    private final Stack stack = Stack.get();

    @Test
    void aTrustedProxysClientIsTheAddressAuditedAndLogged() throws Exception {
        assertEquals("203.0.113.9", clientSeenFor(TRUSTED_PROXY, "203.0.113.9"));
    }

    @Test
    void anUntrustedSendersForwardedForIsIgnored() throws Exception {
        assertEquals(UNTRUSTED_SENDER, clientSeenFor(UNTRUSTED_SENDER, "203.0.113.9"));
    }

    /** The proxy appended its client (203.0.113.9), who had written an address of their choosing first. */
    @Test
    void whatAClientWroteBeforeTheProxyProvesNothing() throws Exception {
        assertEquals(TRUSTED_PROXY, clientSeenFor(TRUSTED_PROXY, "198.51.100.7, 203.0.113.9"));
    }

    /** Sends the denied request from {@code sender}; returns the source its audit event and access log agree on. */
    private String clientSeenFor(String sender, String forwardedFor) throws Exception {
        String requestId = UUID.randomUUID().toString();
        assertEquals(403, statusOf(sender, forwardedFor, requestId));

        String audited;
        try (Connection a = Regions.dba("a")) {
            audited = await().atMost(Duration.ofSeconds(10)).until(() -> Regions.strings(a,
                    "SELECT source_ip FROM audit.access_event WHERE request_id = ?", requestId),
                    rows -> !rows.isEmpty()).get(0);
        }
        // the access log is written asynchronously; its line starts with the client's address (%a)
        String logged = await().atMost(Duration.ofSeconds(15)).until(() -> accessLogLine(requestId),
                Optional::isPresent).orElseThrow().split(" ")[0];
        assertEquals(audited, logged, "the audit event and the access log name the same client");
        return audited;
    }

    private Optional<String> accessLogLine(String requestId) throws IOException {
        Path log = stack.home().resolve("liberty/servers/citadel/logs/http_access.log");
        return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream().filter(line -> line.endsWith(requestId))
                .findFirst();
    }

    /** One HTTP/1.1 request over a connection opened from {@code sender}, as a proxy on that address sends it. */
    private int statusOf(String sender, String forwardedFor, String requestId) throws IOException {
        try (SSLSocket socket = (SSLSocket) stack.trustingStack().getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), stack.appPort(), InetAddress.getByName(sender), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + DENIED + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + stack.appPort() + "\r\n"
                    + "Authorization: Bearer " + Tokens.of("dr.house") + "\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\n"
                    + "X-Request-Id: " + requestId + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
