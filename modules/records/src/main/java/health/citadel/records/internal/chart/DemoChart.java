package health.citadel.records.internal.chart;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.platform.migration.SchemaReady;
import health.citadel.records.internal.ChartChange;
import health.citadel.records.internal.patient.Patient;
import health.citadel.records.internal.patient.PatientRegister;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local stack's demo patients, registered once at start-up when configured (never in production): the
 * demo patient login's own chart, and a register of synthetic patients for the front desk.
 */
@ApplicationScoped
class DemoChart {

    static final String ACTOR = "citadel:demo-data";

    @Inject
    @ConfigProperty(name = "citadel.records.demo-patients", defaultValue = "0")
    int count;

    /** The id the demo patient's login carries in its {@code patient_id} claim. */
    @Inject
    @ConfigProperty(name = "citadel.records.demo-patient-id")
    Optional<String> demoPatientId;

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    @Inject
    PatientRegister register;

    @Inject
    ClinicalChart clinicalChart;

    @Inject
    ChartChange change;

    @Inject
    AuditLog auditLog;

    @ActivateRequestContext
    @Transactional
    void seed(@Observes SchemaReady ready) {
        if (count <= 0) {
            return;
        }
        change.set(new ChartChange.Description(ACTOR, "demo data", null));
        for (int number = 0; number < count; number++) {
            UUID id = number == 0 && demoPatientId.isPresent() ? UUID.fromString(demoPatientId.get())
                    : UUID.nameUUIDFromBytes(("citadel-demo-patient-" + number).getBytes(StandardCharsets.UTF_8));
            if (entityManager.find(Patient.class, id) == null) {
                register.enrol(id, SyntheticPatients.patient(number), false);
                for (Record entry : SyntheticPatients.chart(number)) {
                    clinicalChart.enter(id, EntryKind.of(entry), entry);
                }
                auditLog.record(AuditEvent.by(ACTOR, AuditAction.CREATE, "Patient").resource(id.toString()).patient(id)
                        .outcome(AuditOutcome.SUCCESS).reason("demo data").build());
            }
        }
    }
}
