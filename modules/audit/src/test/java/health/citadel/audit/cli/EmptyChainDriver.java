package health.citadel.audit.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:empty-chain:<unchained events>}: an audit schema whose chain has no link yet, with
 * that many events left outside it. Enough for the command line's own work: options, output, progress, exit codes.
 */
final class EmptyChainDriver implements Driver {

    static final String PREFIX = "jdbc:empty-chain:";

    @Override
    public Connection connect(String url, Properties info) {
        if (!acceptsURL(url)) {
            return null;
        }
        long unchained = Long.parseLong(url.substring(PREFIX.length()));
        return proxy(Connection.class, (self, method, arguments) -> switch (method.getName()) {
            case "getAutoCommit" -> true;
            case "prepareStatement" -> proxy(PreparedStatement.class, (statement, call, values) ->
                    "executeQuery".equals(call.getName()) ? rows(answer((String) arguments[0], unchained)) : null);
            default -> null;
        });
    }

    /** What the two queries that count answer (the head's position, the unchained events); null for the others. */
    private static Long answer(String sql, long unchained) {
        return sql.contains("max(position)") ? Long.valueOf(0) : sql.contains("count(*)") ? unchained : null;
    }

    /** One row holding {@code value}, or none where it is null. */
    private static ResultSet rows(Long value) {
        boolean[] read = {false};
        return proxy(ResultSet.class, (self, method, arguments) -> switch (method.getName()) {
            case "next" -> {
                boolean has = value != null && !read[0];
                read[0] = true;
                yield has;
            }
            case "getLong" -> value;
            default -> null;
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(EmptyChainDriver.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }
}
