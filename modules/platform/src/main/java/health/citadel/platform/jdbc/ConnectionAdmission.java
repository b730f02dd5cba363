package health.citadel.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A check every connection from the application's pool passes before a module may use it (once per JTA
 * transaction, whose handles share one physical connection). The DR module's check refuses a region whose
 * topology epoch is stale, so no module can write to a former writer.
 */
public interface ConnectionAdmission {

    /** @throws SQLException to refuse the connection; it is closed and the caller gets the exception */
    void admit(Connection connection) throws SQLException;
}
