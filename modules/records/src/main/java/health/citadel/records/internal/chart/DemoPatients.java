package health.citadel.records.internal.chart;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.records.internal.ChartChange;
import health.citadel.records.internal.patient.Patient;
import health.citadel.records.internal.patient.PatientRegister;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers made-up patients through the same code a registration takes: a data key of their own, sealed
 * demographics, a chart, revisions and an audit event each; the same patients for the same numbers, so that a
 * restart skips those already there.
 */
@ApplicationScoped
class DemoPatients {

    static final String ACTOR = "citadel:demo-data";
    /** The clinicians a synthetic history of reads names, so that the audit log has more than one reader. */
    private static final int READERS = 7;

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

    /** Patients {@code from} (inclusive) to {@code to}, in one transaction, each read {@code reads} times. */
    @ActivateRequestContext
    @Transactional
    void register(int from, int to, int reads) {
        change.set(new ChartChange.Description(ACTOR, "demo data", null));
        Map<Integer, UUID> ids = new LinkedHashMap<>();
        for (int number = from; number < to; number++) {
            ids.put(number, number == 0 && demoPatientId.isPresent() ? UUID.fromString(demoPatientId.get())
                    : UUID.nameUUIDFromBytes(("citadel-demo-patient-" + number).getBytes(StandardCharsets.UTF_8)));
        }
        // one query for the batch: a restart goes through those already there quickly
        Set<UUID> registered = new HashSet<>(entityManager.createQuery(
                "SELECT p.id FROM Patient p WHERE p.id IN :ids", UUID.class).setParameter("ids", ids.values())
                .getResultList());
        for (Map.Entry<Integer, UUID> patient : ids.entrySet()) {
            int number = patient.getKey();
            UUID id = patient.getValue();
            if (registered.contains(id)) {
                continue;
            }
            register.enrol(id, SyntheticPatients.patient(number), false);
            for (Record entry : SyntheticPatients.chart(number)) {
                clinicalChart.enter(id, EntryKind.of(entry), entry);
            }
            auditLog.record(AuditEvent.by(ACTOR, AuditAction.CREATE, "Patient").resource(id.toString()).patient(id)
                    .outcome(AuditOutcome.SUCCESS).reason("demo data").build());
            for (int read = 0; read < reads; read++) {
                auditLog.record(AuditEvent.by("citadel:synthetic-clinician-" + (number + read) % READERS,
                        AuditAction.READ, "Chart").resource(id.toString()).patient(id).outcome(AuditOutcome.SUCCESS)
                        .build());
            }
        }
    }
}
