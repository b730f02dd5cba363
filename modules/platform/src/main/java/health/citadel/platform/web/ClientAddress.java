package health.citadel.platform.web;

import java.util.List;

/** The address a request came from, looking through the reverse proxies the deployment trusts and no others. */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private ClientAddress() {
    }

    /**
     * @param connection   the address of the connection's other end
     * @param forwardedFor the {@code X-Forwarded-For} header, or null; each proxy appends the address it heard from
     * @param trusted      the proxies whose {@code X-Forwarded-For} entries are believed
     */
    static String of(String connection, String forwardedFor, List<String> trusted) {
        String client = connection;
        if (forwardedFor == null) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        // from the nearest hop outwards, only as far as the chain of trusted proxies reaches: anything further
        // left was written by the client and proves nothing
        for (int i = hops.length - 1; i >= 0 && trusted.contains(client); i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                break;
            }
            client = hop;
        }
        return client;
    }
}
