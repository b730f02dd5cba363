package health.citadel.audit.internal;

import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.audit.api.AuditChain;
import health.citadel.audit.api.ChainVerification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;

@ApplicationScoped
class VerifiedAuditChain implements AuditChain {

    @Inject
    ApplicationDatabase database;

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
