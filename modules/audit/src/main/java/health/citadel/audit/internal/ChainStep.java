package health.citadel.audit.internal;

import health.citadel.audit.api.AuditEvent;
import health.citadel.platform.jdbc.ApplicationDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** One linking batch, the detection on what it linked and the head's checkpoint, in a transaction of its own. */
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

    @Inject
    CheckpointWitnesses witnesses;

    /** Kept between batches: the head this instance linked and has not signed. */
    private HeadSigner signer;

    /** What one step linked, and the checkpoint it signed (null if none), for the witness once committed. */
    record Linked(List<AuditEvent> events, Checkpoint checkpoint) {
    }

    @PostConstruct
    void start() {
        signer = new HeadSigner(keys, witnesses.interval());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Linked linkPending() {
        try (Connection connection = database.getConnection()) {
            var batch = new ChainLinker(keys, sealedHere, lateCommits).linkPending(connection);
            if (batch.head() == null) {
                return new Linked(List.of(), null);
            }
            if (!batch.linked().isEmpty()) {
                for (AlertRule.Finding raised : new Detection(rules).raise(connection, batch.linked())) {
                    // labels name the rule and severity only: never a person or a patient
                    metrics.counter(ALERTS_RAISED, new Tag("rule", raised.rule()),
                            new Tag("severity", raised.severity().name())).inc();
                }
            }
            return new Linked(batch.linked(), signer.signIfDue(connection, batch, Instant.now()));
        } catch (SQLException e) {
            throw new IllegalStateException("audit chaining failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
