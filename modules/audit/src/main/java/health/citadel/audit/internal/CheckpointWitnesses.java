package health.citadel.audit.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
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

    /** The folder is made once; the file itself is made owner-only by the first append, and again if moved aside. */
    @PostConstruct
    void prepare() {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            LOG.severe(() -> "The audit witness file's folder cannot be made (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** When this instance last wrote a checkpoint to its witness, or started: the age an operator is alerted on. */
    private volatile Instant lastWitnessed = Instant.now();

    synchronized void witness(Checkpoint checkpoint) {
        try {
            WitnessFile.append(Path.of(file), checkpoint);
            lastWitnessed = Instant.now();
        } catch (IOException e) {
            // no path in the log; verification reports the missing checkpoints
            LOG.severe(() -> "An audit checkpoint could not be written to the witness file ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** What the chain must agree with while the application runs: the witness, signed within two intervals. */
    ChainExpectations whileRunning() throws IOException {
        return new ChainExpectations(WitnessFile.read(Path.of(file)), Instant.now().minus(interval.multipliedBy(2)),
                null);
    }

    /** Seconds since this instance's witness last received a checkpoint (or since it started, if none yet). */
    double newestCheckpointAgeSeconds() {
        return Duration.between(lastWitnessed, Instant.now()).toMillis() / 1000.0;
    }

    String file() {
        return file;
    }

    Duration interval() {
        return interval;
    }
}
