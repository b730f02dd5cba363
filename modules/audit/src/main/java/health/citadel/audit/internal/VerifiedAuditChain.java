package health.citadel.audit.internal;

import health.citadel.audit.api.AuditChain;
import health.citadel.audit.api.ChainVerification;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

@ApplicationScoped
class VerifiedAuditChain implements AuditChain {

    @Resource(lookup = "jdbc/citadel")
    DataSource database;

    @Inject
    AuditKeys keys;

    @Override
    public ChainVerification verify() {
        try (Connection connection = database.getConnection()) {
            return new ChainVerifier(keys).verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
