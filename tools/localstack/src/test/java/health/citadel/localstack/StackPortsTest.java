package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StackPortsTest {

    @Test
    void defaultsToTheDocumentedPorts() {
        StackPorts ports = StackPorts.fromEnvironment(null);
        assertEquals(9443, ports.app());
        assertEquals(9432, ports.regionA());
        assertEquals(9433, ports.regionB());
        assertEquals(9480, ports.keycloak());
    }

    @Test
    void rejectsABaseThatIsNotAUsablePortNumber() {
        assertThrows(StackException.class, () -> StackPorts.fromEnvironment("eighty"));
        assertThrows(StackException.class, () -> StackPorts.fromEnvironment("80"));
        assertThrows(StackException.class, () -> StackPorts.fromEnvironment("65500"));
    }

    @Test
    void aPortInUseIsNamedWithItsPurpose() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackException failure = assertThrows(StackException.class,
                    () -> StackPorts.requireFree(taken.getLocalPort(), "Liberty HTTPS"));
            assertTrue(failure.getMessage().contains(taken.getLocalPort() + " (Liberty HTTPS) is already in use"));
        }
    }
}
