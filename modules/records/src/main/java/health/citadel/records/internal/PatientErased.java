package health.citadel.records.internal;

/** The patient's data key has been destroyed: what remains is a tombstone. */
public class PatientErased extends RuntimeException {

    public PatientErased() {
        super("the patient has been erased");
    }
}
