package health.citadel.records.internal.patient;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.Permission;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.records.internal.keys.ChartKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Registering, reading, finding and changing patients. Each method is one transaction: the change, its
 * revision and its audit event commit together or not at all.
 */
@ApplicationScoped
public class PatientRegister {

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    @Inject
    ChartKeys keys;

    @Inject
    SealedDemographics sealed;

    @Inject
    PatientRows rows;

    @Inject
    ChartAccess access;

    @Transactional
    public PatientView register(Demographics demographics, boolean restricted) {
        access.require(Permission.WRITE_DEMOGRAPHICS, null);
        refuseTakenMrn(demographics.mrn(), null);
        Patient patient = enrol(UUID.randomUUID(), demographics, restricted);
        access.change(AuditAction.CREATE, "Patient", patient, null);
        return PatientRows.view(patient, demographics);
    }

    /** A new patient with a data key of its own; the caller checks access and audits. */
    public Patient enrol(UUID id, Demographics demographics, boolean restricted) {
        Patient patient = new Patient(id, Instant.now());
        sealed.seal(patient, keys.create(id), demographics, restricted);
        entityManager.persist(patient);
        return patient;
    }

    @Transactional
    public PatientView read(UUID id) {
        access.require(Permission.READ_DEMOGRAPHICS, id);
        Patient patient = rows.find(id);
        access.audit(AuditAction.READ, "Patient", patient, null);
        return PatientRows.view(patient, sealed.open(patient));
    }

    /** A change that sets or clears the restricted flag also needs {@link Permission#MANAGE_RESTRICTION}. */
    @Transactional
    public PatientView update(UUID id, long expectedVersion, Demographics demographics, boolean restricted,
                                String reason) {
        access.require(Permission.WRITE_DEMOGRAPHICS, id);
        Patient patient = rows.current(id, expectedVersion);
        boolean flagChanges = patient.restricted() != restricted;
        if (flagChanges) {
            access.require(Permission.MANAGE_RESTRICTION, id);
        }
        refuseTakenMrn(demographics.mrn(), id);
        sealed.seal(patient, keys.of(id), demographics, restricted);
        access.change(AuditAction.UPDATE, "Patient", patient, reason);
        if (flagChanges) {
            auditRestriction(patient, reason);
        }
        return PatientRows.view(rows.flushed(patient), demographics);
    }

    /**
     * A change from the portal's form, which never shows the national identifier in full: without one, the patient
     * keeps the one on record (it is not read out to the caller).
     */
    @Transactional
    public PatientView updateKeepingNationalId(UUID id, long expectedVersion, Demographics demographics,
                                                 boolean restricted, String reason) {
        if (demographics.nationalId() != null) {
            return update(id, expectedVersion, demographics, restricted, reason);
        }
        access.require(Permission.WRITE_DEMOGRAPHICS, id);
        return update(id, expectedVersion, demographics.withNationalId(sealed.open(rows.find(id)).nationalId()),
                restricted, reason);
    }

    /**
     * Sets or clears the restricted flag alone, for those who manage it and read no demographics. Nothing changes,
     * and nothing is audited, when the flag is already as asked.
     */
    @Transactional
    public PatientRestriction restrict(UUID id, boolean restricted, String reason) {
        access.require(Permission.MANAGE_RESTRICTION, id);
        Patient patient = rows.find(id);
        if (patient.restricted() != restricted) {
            patient.restrict(restricted, Instant.now());
            auditRestriction(patient, reason);
            rows.flushed(patient);
        }
        return new PatientRestriction(id, patient.version(), patient.restricted());
    }

    /** Setting and clearing are events of their own; clearing raises an alert (the restriction-cleared rule). */
    private void auditRestriction(Patient patient, String reason) {
        access.change(patient.restricted() ? AuditAction.RESTRICTION_SET : AuditAction.RESTRICTION_CLEARED,
                "Patient.restricted", patient, reason);
    }

    @Transactional
    public PatientView retire(UUID id, long expectedVersion, String reason) {
        access.require(Permission.WRITE_DEMOGRAPHICS, id);
        Patient patient = rows.current(id, expectedVersion);
        patient.retire(Instant.now());
        access.change(AuditAction.DELETE, "Patient", patient, reason);
        return PatientRows.view(rows.flushed(patient), sealed.open(patient));
    }

    /** At most one patient, and only one the caller may see; the search is audited per patient found. */
    @Transactional
    public List<PatientView> findByMrn(String mrn) {
        return found(entityManager.createQuery("SELECT p FROM Patient p WHERE p.mrnIndex = :index", Patient.class)
                .setParameter("index", sealed.mrnIndex(mrn)).getResultList());
    }

    @Transactional
    public List<PatientView> findByFamilyAndBirthDate(String family, LocalDate birthDate, int page, int size) {
        return found(entityManager.createQuery("SELECT p FROM Patient p WHERE p.nameBirthIndex = :index "
                        + "ORDER BY p.createdAt, p.id", Patient.class)
                .setParameter("index", sealed.familyAndBirthIndex(family, birthDate))
                .setFirstResult(page * size).setMaxResults(size).getResultList());
    }

    /** The patients of a list of ids (a clinician's care team), each one the caller may see, audited as a search. */
    @Transactional
    public List<PatientView> findByIds(List<UUID> ids) {
        // an erased patient (its indexes forgotten) is a tombstone: listed nowhere, as no search finds it
        return found(ids.isEmpty() ? List.of() : entityManager.createQuery("SELECT p FROM Patient p WHERE p.id IN :ids "
                + "AND p.mrnIndex IS NOT NULL ORDER BY p.createdAt, p.id", Patient.class).setParameter("ids", ids)
                .getResultList());
    }

    /** The full national identifier, once, for a stated reason and with a recent second factor. */
    @Transactional
    public String revealNationalId(UUID id, String reason) {
        access.require(Permission.REVEAL_IDENTIFIER, id);
        Patient patient = rows.find(id);
        access.audit(AuditAction.REVEAL, "Patient.nationalId", patient, reason);
        return sealed.open(patient).nationalId();
    }

    private List<PatientView> found(List<Patient> candidates) {
        access.require(Permission.READ_DEMOGRAPHICS, null);
        return candidates.stream().filter(patient -> access.permits(Permission.READ_DEMOGRAPHICS, patient.id()))
                .map(patient -> {
                    access.audit(AuditAction.SEARCH, "Patient", patient, null);
                    return PatientRows.view(patient, sealed.open(patient));
                }).toList();
    }

    private void refuseTakenMrn(String mrn, UUID except) {
        if (entityManager.createQuery("SELECT p.id FROM Patient p WHERE p.mrnIndex = :index", UUID.class)
                .setParameter("index", sealed.mrnIndex(mrn)).getResultList().stream().anyMatch(id -> !id.equals(except))) {
            throw RequestRefused.conflict("another patient has this MRN");
        }
    }
}
