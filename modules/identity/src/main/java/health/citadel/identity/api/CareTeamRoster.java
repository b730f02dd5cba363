package health.citadel.identity.api;

import java.util.List;
import java.util.UUID;

/** The patients the current caller is assigned to care for now, for a clinician's list of their patients. */
public interface CareTeamRoster {

    /** The ids of the current caller's patients, newest assignment first; empty for anyone who is no clinician. */
    List<UUID> currentPatients();
}
