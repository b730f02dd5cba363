package health.citadel.identity.internal;

import health.citadel.identity.api.CareTeamRoster;
import health.citadel.identity.api.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's own assignments that hold now, read from the care teams the access policy decides by. */
@ApplicationScoped
class CurrentCareTeam implements CareTeamRoster {

    @Inject
    CareTeams careTeams;

    @Inject
    CurrentCaller currentCaller;

    @Override
    public List<UUID> currentPatients() {
        Instant now = Instant.now();
        return careTeams.list(null, currentCaller.get().userId()).stream()
                .filter(assignment -> !assignment.startsAt().isAfter(now)
                        && (assignment.endsAt() == null || assignment.endsAt().isAfter(now)))
                .map(CareTeams.Assignment::patientId).distinct().toList();
    }
}
