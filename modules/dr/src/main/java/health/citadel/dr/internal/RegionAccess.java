package health.citadel.dr.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How a DR operation reaches both regions: each one's JDBC URL, a DBA login (DR changes roles, subscriptions
 * and sequences), the replication login a subscription connects as, and the application's logins to fence.
 */
public record RegionAccess(List<String> names, Map<String, String> urls, String dbaUser, String dbaPassword,
                           String replicatorUser, String replicatorPassword, ApplicationLogins application) {

    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    public RegionAccess {
        if (names.size() != 2) {
            throw new IllegalArgumentException("replication runs between exactly two regions");
        }
        names = List.copyOf(names);
        urls = Map.copyOf(urls);
    }

    public Connection dba(String region) throws SQLException {
        String url = urls.get(region);
        if (url == null) {
            throw new IllegalArgumentException("there is no region " + region + "; the regions are " + names);
        }
        return connect(url, dbaUser, dbaPassword);
    }

    /** A DR session, named as such in {@code pg_stat_activity}. */
    public static Connection connect(String url, String user, String password) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        login.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        login.setProperty("ApplicationName", "citadel-dr");
        // a server error's DETAIL can quote a row (a restore's COPY line, a duplicate key): keep it out of the
        // reasons that reach the journal, the audit and the console
        login.setProperty("logServerErrorDetail", "false");
        return DriverManager.getConnection(url, login);
    }

    /** The region as its schema owner, through the DBA login: what migrations run as. */
    public DataSource asOwner(String region) {
        return asOwner(urls.get(region), dbaUser, dbaPassword, application.owner());
    }

    /**
     * A database as its schema owner, through a login that may take the owner's role: the objects the migrations
     * make belong to the owner, as in every region, with no need of the owner's password.
     */
    public static DataSource asOwner(String url, String user, String password, String owner) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        source.setOptions("-c role=" + owner);
        return source;
    }

    public String other(String region) {
        return names.get(0).equals(region) ? names.get(1) : names.get(0);
    }

    /** The libpq connection string a subscription in the other region uses to reach {@code region}. */
    public String conninfo(String region) {
        return SubscriptionConnection.to(urls.get(region), replicatorUser, replicatorPassword);
    }
}
