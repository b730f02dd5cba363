package health.citadel.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's witness file, written after each checkpoint commits (a rolled-back checkpoint must never be
 * witnessed), and read back to verify the chain against it while the application runs.
 */
@ApplicationScoped
class CheckpointWitnesses {

    private static final Logger LOG = Logger.getLogger(CheckpointWitnesses.class.getName());

    @Inject
    @ConfigProperty(name = "citadel.audit.witness.file", defaultValue = "audit-witness.jsonl")
    String file;

    @Inject
    @ConfigProperty(name = "citadel.audit.checkpoint-interval", defaultValue = "PT60S")
    Duration interval;

    synchronized void witness(Checkpoint checkpoint) {
        try {
            WitnessFile.create(Path.of(file));
            WitnessFile.append(Path.of(file), checkpoint);
        } catch (IOException e) {
            // no path in the log; verification reports the missing checkpoints
            LOG.severe(() -> "An audit checkpoint could not be written to the witness file ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** What the chain must agree with while the application runs: the witness, signed within two intervals. */
    ChainExpectations whileRunning() throws IOException {
        WitnessFile.create(Path.of(file));
        return new ChainExpectations(WitnessFile.read(Path.of(file)), Instant.now().minus(interval.multipliedBy(2)),
                null);
    }

    Duration interval() {
        return interval;
    }
}
