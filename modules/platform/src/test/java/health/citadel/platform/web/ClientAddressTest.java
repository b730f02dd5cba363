package health.citadel.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final List<String> PROXIES = List.of("10.0.0.2", "10.0.0.3");

    @Test
    void withoutAProxyTheConnectionsAddressCounts() {
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7", null, PROXIES));
    }

    @Test
    void aHeaderFromAnUntrustedPeerIsIgnored() {
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7", "198.51.100.1", PROXIES));
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7", "198.51.100.1", List.of()));
    }

    @Test
    void aTrustedProxysRecordNamesTheClient() {
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.2", "198.51.100.1", PROXIES));
    }

    @Test
    void theChainIsFollowedThroughTrustedProxiesOnly() {
        // the client wrote 192.0.2.66 itself; 10.0.0.3 heard 198.51.100.1 and handed over to 10.0.0.2
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.2", "192.0.2.66, 198.51.100.1, 10.0.0.3", PROXIES));
    }

    @Test
    void aBlankEntryStopsTheWalkAtTheProxy() {
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "198.51.100.1, ", PROXIES));
    }
}
