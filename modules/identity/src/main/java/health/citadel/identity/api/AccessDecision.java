package health.citadel.identity.api;

/** The answer to "may this caller do this to this patient's data?", and why. */
public record AccessDecision(Verdict verdict, Basis basis) {

    public enum Verdict {
        ALLOW,
        DENY,
        /** Allowed only with a recent second factor: answer 401 with an RFC 9470 challenge. */
        STEP_UP
    }

    public enum Basis {
        /** The caller's role grants it for every patient, or denies it outright. */
        ROLE,
        /** The caller is on the patient's care team. */
        CARE_TEAM,
        /** The caller holds an unexpired break-the-glass grant for the patient. */
        BREAK_THE_GLASS,
        /** The caller is the patient. */
        OWN_CHART,
        /** Nothing links the caller to the patient. */
        NONE
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOW;
    }
}
