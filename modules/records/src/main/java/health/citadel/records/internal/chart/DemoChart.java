package health.citadel.records.internal.chart;

import health.citadel.platform.background.BackgroundWork;
import health.citadel.platform.migration.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local stack's demo patients, registered once at start-up when configured (never in production): the
 * demo patient login's own chart, and a register of synthetic patients for the front desk. The benchmark's scale
 * mode asks for many more: those are registered in the background, a batch per transaction, each with a
 * synthetic history of chart reads, so the register and the audit log grow as the application would grow them.
 */
@ApplicationScoped
class DemoChart {

    private static final Logger LOG = Logger.getLogger(DemoChart.class.getName());
    private static final int BATCH = 200;

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

    /** The next synthetic patient the background has not registered yet. */
    private volatile int next;

    void seed(@Observes SchemaReady ready) {
        if (count > 0) {
            patients.register(0, count, 0);
        }
        next = count;
        if (inBackground > 0) {
            background.every(Duration.ofSeconds(1), "Registering synthetic patients", this::registerInBackground);
        }
    }

    private void registerInBackground() {
        int last = count + inBackground;
        if (next >= last) {
            return;
        }
        long began = System.nanoTime();
        while (next < last) {
            int to = Math.min(next + BATCH, last);
            patients.register(next, to, readsPerPatient);
            next = to;
        }
        LOG.info(() -> String.format("Registered %d synthetic patients in %d s", inBackground,
                Duration.ofNanos(System.nanoTime() - began).toSeconds()));
    }
}
