package health.citadel.records.internal.chart;

import health.citadel.platform.background.BackgroundWork;
import health.citadel.platform.migration.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local stack's demo patients, registered once at start-up when configured (never in production): the
 * demo patient login's own chart, and a register of synthetic patients for the front desk. The benchmark's scale
 * mode asks for many more: those are registered in the background, a batch per transaction, each with a
 * synthetic history of chart reads, so the register and the audit log grow as the application would grow them.
 */
@ApplicationScoped
class DemoChart {

    private static final int BATCH = 200;
    /** Two transactions at a time: each waits on the database about as long as it computes. */
    private static final int WORKERS = 2;

    @Inject
    @ConfigProperty(name = "citadel.records.demo-patients", defaultValue = "0")
    int count;

    @Inject
    @ConfigProperty(name = "citadel.records.synthetic-patients", defaultValue = "0")
    int inBackground;

    @Inject
    @ConfigProperty(name = "citadel.records.synthetic-reads-per-patient", defaultValue = "0")
    int readsPerPatient;

    @Inject
    DemoPatients patients;

    @Inject
    BackgroundWork background;

    void seed(@Observes SchemaReady ready) {
        if (count > 0) {
            patients.register(0, count, 0);
        }
        for (int worker = 0; inBackground > 0 && worker < WORKERS; worker++) {
            background.every(Duration.ofSeconds(1), "Registering synthetic patients",
                    new Worker(count + worker * BATCH));
        }
    }

    /**
     * Registers every {@link #WORKERS}th batch from its first on, each only once the one before it has committed,
     * so a batch that fails is tried again at the next tick.
     */
    private final class Worker implements Runnable {

        /** Each run may take another of the scheduler's threads. */
        private volatile int next;

        Worker(int first) {
            next = first;
        }

        @Override
        public void run() {
            int last = count + inBackground;
            while (next < last) {
                patients.register(next, Math.min(next + BATCH, last), readsPerPatient);
                next += BATCH * WORKERS;
            }
        }
    }
}
