package health.citadel.platform.jdbc;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's pool ({@code jdbc/citadel}, JTA-enlisted), the one way modules and Hibernate reach the
 * database. Each connection it hands out has passed every {@link ConnectionAdmission}.
 */
@ApplicationScoped
public class ApplicationDatabase implements DataSource {

    private static final Object ADMITTED = ApplicationDatabase.class.getName() + ".admitted";

    @Resource(lookup = "jdbc/citadel")
    DataSource pool;

    @Inject
    Instance<ConnectionAdmission> admissionBeans;

    /** Resolved once: the checks are application-scoped, and resolving them per connection costs every request. */
    private List<ConnectionAdmission> admissions;

    @PostConstruct
    void resolveAdmissions() {
        admissions = admissionBeans.stream().toList();
    }

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * Within a JTA transaction every handle shares the transaction's one physical connection, so it is admitted
     * once per transaction: an event recorded, a chart written and a key read each take a handle, and the checks
     * read the database (Liberty hands out a new wrapper with every handle, so no check can tell a physical
     * connection it has seen before).
     */
    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        boolean inTransaction = transaction.getTransactionKey() != null;
        if (inTransaction && transaction.getResource(ADMITTED) != null) {
            return connection;
        }
        try {
            for (ConnectionAdmission admission : admissions) {
                admission.admit(connection);
            }
            if (inTransaction) {
                transaction.putResource(ADMITTED, Boolean.TRUE);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Other logins would bypass the admission checks' assumptions: the pool's login is the only one. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the application's pool has one login");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("the application's pool is not unwrapped: its connections must pass admission");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
