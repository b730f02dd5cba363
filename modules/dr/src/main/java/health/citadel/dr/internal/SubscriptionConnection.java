package health.citadel.dr.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The libpq connection string a subscription uses to reach a publisher, made from the publisher's JDBC URL: its
 * host, port and database, the replication login, and the URL's TLS settings, which pgJDBC and libpq name alike.
 * So a subscription connects as securely as the DR tools themselves ({@code sslmode=verify-full} and the
 * authority's certificate, read by the subscriber's server from the same path).
 */
public final class SubscriptionConnection {

    private static final List<String> TLS_SETTINGS = List.of("sslmode", "sslrootcert", "sslcert", "sslkey");

    private SubscriptionConnection() {
    }

    public static String to(String publisherJdbcUrl, String user, String password) {
        URI uri = URI.create(publisherJdbcUrl.substring("jdbc:".length()));
        StringBuilder conninfo = new StringBuilder("host=").append(quote(uri.getHost()))
                .append(" port=").append(uri.getPort() < 0 ? 5432 : uri.getPort())
                .append(" dbname=").append(quote(uri.getPath().substring(1)))
                .append(" user=").append(quote(user))
                .append(" password=").append(quote(password));
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length == 2 && TLS_SETTINGS.contains(pair[0])) {
                    conninfo.append(' ').append(pair[0]).append('=')
                            .append(quote(URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
                }
            }
        }
        return conninfo.toString();
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
