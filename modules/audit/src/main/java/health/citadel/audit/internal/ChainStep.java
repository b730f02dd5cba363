package health.citadel.audit.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One linking batch, in a transaction of its own. */
@ApplicationScoped
class ChainStep {

    @Resource(lookup = "jdbc/citadel")
    DataSource database;

    @Inject
    AuditKeys keys;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int linkPending() {
        try (Connection connection = database.getConnection()) {
            return new ChainLinker(keys).linkPending(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("audit chaining failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
