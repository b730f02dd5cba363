package health.citadel.audit.internal;

import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.platform.progress.Progress;
import health.citadel.audit.api.AuditChain;
import health.citadel.audit.api.ChainWitness;
import health.citadel.audit.api.ChainVerification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

@ApplicationScoped
class VerifiedAuditChain implements AuditChain {

    /** Whether the latest verification, scheduled or asked for, found the chain broken; false until one does. */
    private volatile boolean brokenAtLastCheck;

    @Inject
    ApplicationDatabase database;

    @Inject
    AuditKeys keys;

    @Inject
    CheckpointWitnesses witnesses;

    @Override
    public ChainVerification verify() {
        ChainVerification verification = verifyNow();
        brokenAtLastCheck = !verification.ok();
        return verification;
    }

    boolean brokenAtLastCheck() {
        return brokenAtLastCheck;
    }

    private ChainVerification verifyNow() {
        ChainExpectations expectations;
        try {
            expectations = witnesses.whileRunning();
        } catch (IOException | IllegalArgumentException damaged) {
            // a witness that cannot be read proves nothing: the chain cannot be shown intact
            return new ChainVerification(false, 0, null, "the checkpoint witness cannot be read ("
                    + damaged.getClass().getSimpleName() + ")", 0, HexFormat.of().formatHex(ChainMath.GENESIS));
        }
        try (Connection connection = database.getConnection()) {
            return new ChainVerifier(keys).verify(connection, expectations, Progress.NONE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public ChainWitness witness() {
        String file = witnesses.file();
        try {
            List<Checkpoint> checkpoints = WitnessFile.read(Path.of(file));
            Checkpoint newest = checkpoints.stream().max(Comparator.comparingLong(Checkpoint::position)).orElse(null);
            return newest == null ? new ChainWitness(file, true, 0, null, null, null)
                    : new ChainWitness(file, true, checkpoints.size(), newest.position(),
                            HexFormat.of().formatHex(newest.hash()), newest.signedAt());
        } catch (IOException | IllegalArgumentException damaged) {
            return new ChainWitness(file, false, 0, null, null, null);
        }
    }
}
