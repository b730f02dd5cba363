package health.citadel.records.internal;

import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.core.Response;

/** The patient's data key has been destroyed: what remains is a tombstone, for every version (410). */
class PatientErased extends RequestRefused {

    public PatientErased() {
        super(Response.Status.GONE, "the patient has been erased; only a tombstone remains");
    }
}
