package health.citadel.records.internal.keys;

import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.core.Response;

/** The patient's data key has been destroyed: what remains is a tombstone, for every version (410). */
public class PatientErased extends RequestRefused {

    public PatientErased() {
        super(Response.Status.GONE, "the patient has been erased; only a tombstone remains");
    }
}
