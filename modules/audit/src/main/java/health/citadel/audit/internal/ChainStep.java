package health.citadel.audit.internal;

import health.citadel.platform.jdbc.ApplicationDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** One linking batch and the detection on what it linked, in a transaction of its own. */
@ApplicationScoped
class ChainStep {

    private static final Metadata ALERTS_RAISED = Metadata.builder().withName("citadel_audit_alerts_raised")
            .withDescription("Suspicious-activity alerts raised, by rule and severity").build();

    @Inject
    ApplicationDatabase database;

    @Inject
    AuditKeys keys;

    @Inject
    SealedHere sealedHere;

    @Inject
    List<AlertRule> rules;

    /** Kept between batches: what linking has looked at already. */
    private final LateCommits lateCommits = new LateCommits();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int linkPending() {
        try (Connection connection = database.getConnection()) {
            var linked = new ChainLinker(keys, sealedHere, lateCommits).linkPending(connection);
            if (!linked.isEmpty()) {
                for (AlertRule.Finding raised : new Detection(rules).raise(connection, linked)) {
                    // labels name the rule and severity only: never a person or a patient
                    metrics.counter(ALERTS_RAISED, new Tag("rule", raised.rule()),
                            new Tag("severity", raised.severity().name())).inc();
                }
            }
            return linked.size();
        } catch (SQLException e) {
            throw new IllegalStateException("audit chaining failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
