package health.citadel.records.internal.patient;

import health.citadel.identity.api.KnownPatients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** The register answers identity's question whether a patient exists, without identity reading its tables. */
@ApplicationScoped
class RegisteredPatients implements KnownPatients {

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    @Override
    public boolean registered(UUID patientId) {
        return !entityManager.createQuery("SELECT p.id FROM Patient p WHERE p.id = :id", UUID.class)
                .setParameter("id", patientId).getResultList().isEmpty();
    }
}
