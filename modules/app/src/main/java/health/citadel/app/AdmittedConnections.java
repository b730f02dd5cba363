package health.citadel.app;

import health.citadel.platform.jdbc.ApplicationDatabase;
import jakarta.enterprise.inject.spi.CDI;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.UnknownUnwrapTypeException;

/**
 * Hibernate's connections, from the same admitted pool as every module's, so an entity cannot be written to a
 * region the DR module refuses. Hibernate creates this class itself, so the pool is looked up through CDI on
 * first use; {@code persistence.xml} turns off Hibernate's connection at boot, which would come before CDI.
 */
public final class AdmittedConnections implements ConnectionProvider {

    private volatile ApplicationDatabase database;

    @Override
    public Connection getConnection() throws SQLException {
        ApplicationDatabase pool = database;
        if (pool == null) {
            pool = CDI.current().select(ApplicationDatabase.class).get();
            database = pool;
        }
        return pool.getConnection();
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connection.close();
    }

    /** The pool's connections are JTA-enlisted handles, safe to give back after each statement. */
    @Override
    public boolean supportsAggressiveRelease() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (!isUnwrappableAs(type)) {
            throw new UnknownUnwrapTypeException(type);
        }
        return type.cast(this);
    }
}
