package health.citadel.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The ports of one local stack, all derived from one base so that a second stack (the integration tests')
 * can run beside a developer's.
 */
record StackPorts(int base) {

    static final int DEFAULT_BASE = 9400;

    StackPorts {
        if (base < 1024 || base > 65000) {
            throw new StackException("CITADEL_PORT_BASE must be between 1024 and 65000, not " + base);
        }
    }

    static StackPorts fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return new StackPorts(DEFAULT_BASE);
        }
        try {
            return new StackPorts(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new StackException("CITADEL_PORT_BASE must be a number, not '" + value + "'");
        }
    }

    int regionA() {
        return base + 32;
    }

    int regionB() {
        return base + 33;
    }

    /** The empty cluster that restore drills restore into. */
    int emptyCluster() {
        return base + 34;
    }

    int app() {
        return base + 43;
    }

    /** Liberty's listener for probes, scrapers and the OpenAPI document. */
    int management() {
        return base + 44;
    }

    int keycloak() {
        return base + 80;
    }

    int keycloakManagement() {
        return base + 81;
    }

    /** {@code up --with-monitoring}'s; + 90 is left to the integration tests' alert receiver. */
    int prometheus() {
        return base + 91;
    }

    int alertmanager() {
        return base + 93;
    }

    /** Fails with a one-line message if another program already listens on the port. */
    static void requireFree(int port, String purpose) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StackException("port " + port + " (" + purpose + ") is already in use by another program;"
                    + " stop it or choose other ports with CITADEL_PORT_BASE");
        }
    }
}
