package health.citadel.records.internal.patient;

import health.citadel.platform.problem.RequestRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Loading patients for a request: 404 when absent, 412 when the caller's version is stale. */
@ApplicationScoped
public class PatientRows {

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    public Patient find(UUID id) {
        Patient patient = entityManager.find(Patient.class, id);
        if (patient == null) {
            throw RequestRefused.notFound("no such patient");
        }
        return patient;
    }

    /** The patient as the caller last saw it (optimistic concurrency), or 412. */
    Patient current(UUID id, long expectedVersion) {
        Patient patient = find(id);
        if (patient.version() != expectedVersion) {
            throw staleVersion();
        }
        return patient;
    }

    /** Writes the change now, so that a concurrent one is a 412 rather than a failed commit. */
    public <T> T flushed(T changed) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw staleVersion();
        }
        return changed;
    }

    public static PatientView view(Patient patient, Demographics demographics) {
        return new PatientView(patient.id(), patient.version(), demographics.masked(), patient.restricted(),
                patient.retired(), patient.createdAt(), patient.updatedAt());
    }

    public static RequestRefused staleVersion() {
        return new RequestRefused(Response.Status.PRECONDITION_FAILED, "the patient has changed since it was read");
    }
}
