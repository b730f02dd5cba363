package health.citadel.identity.internal;

import static health.citadel.identity.api.AccessDecision.Basis;
import static health.citadel.identity.api.AccessDecision.Verdict;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.AccessDecision;
import health.citadel.identity.api.AccessPolicy;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CallerAudit;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Minimum necessary: the role table decides what a caller may do at all; high-stakes operations need a
 * recent second factor; for one patient's data, the caller must also be that patient, on their care team,
 * holding a break-the-glass grant, or front desk handling demographics.
 */
@ApplicationScoped
class CareTeamAccessPolicy implements AccessPolicy {

    private static final Set<Permission> DEMOGRAPHICS = EnumSet.of(Permission.READ_DEMOGRAPHICS,
            Permission.WRITE_DEMOGRAPHICS);
    private static final Set<Permission> OWN_CHART = EnumSet.of(Permission.READ_OWN_CHART,
            Permission.READ_OWN_ACCESS_LOG, Permission.EXPORT_CHART);
    /** High-stakes operations: allowed only with a recent second factor (step-up MFA). */
    static final Set<Permission> STEP_UP = EnumSet.of(Permission.REVEAL_IDENTIFIER, Permission.BREAK_THE_GLASS,
            Permission.EXPORT_CHART, Permission.ERASE_PATIENT, Permission.RUN_DR, Permission.MANAGE_KEYS);
    /** Operations on a patient that are administrative, not a reading of the chart. */
    private static final Set<Permission> ADMINISTRATIVE = EnumSet.of(Permission.ERASE_PATIENT,
            Permission.MANAGE_CARE_TEAMS, Permission.MANAGE_RESTRICTION);

    @Inject
    CurrentCaller currentCaller;

    @Inject
    SecondFactor secondFactor;

    @Inject
    BreakGlassGrants breakGlassGrants;

    @Inject
    CareTeams careTeams;

    @Inject
    CallerAudit audit;

    @Override
    public AccessDecision decide(Permission permission, UUID patientId) {
        Caller caller = currentCaller.get();
        AccessDecision decision = decide(caller, permission, patientId);
        if (decision.verdict() == Verdict.DENY) {
            audit.of(AuditAction.DENIED, "Patient").resource(Objects.toString(patientId, null)).patient(patientId)
                    .denied(permission + " refused: " + decision.basis());
        }
        return decision;
    }

    private AccessDecision decide(Caller caller, Permission permission, UUID patientId) {
        if (!caller.may(permission)) {
            return new AccessDecision(Verdict.DENY, Basis.ROLE);
        }
        // a patient reaches their own chart only, and needs no second factor for it (patients have none)
        if (caller.roles().contains(Role.PATIENT) && patientId != null && OWN_CHART.contains(permission)) {
            return patientId.equals(caller.patientId()) ? new AccessDecision(Verdict.ALLOW, Basis.OWN_CHART)
                    : new AccessDecision(Verdict.DENY, Basis.NONE);
        }
        if (STEP_UP.contains(permission) && !secondFactor.recent(caller)) {
            return new AccessDecision(Verdict.STEP_UP, Basis.ROLE);
        }
        if (patientId == null || ADMINISTRATIVE.contains(permission)) {
            return new AccessDecision(Verdict.ALLOW, Basis.ROLE);
        }
        if (caller.roles().contains(Role.FRONT_DESK) && DEMOGRAPHICS.contains(permission)) {
            return new AccessDecision(Verdict.ALLOW, Basis.ROLE);
        }
        boolean clinician = caller.roles().contains(Role.PHYSICIAN) || caller.roles().contains(Role.NURSE);
        if (clinician && careTeams.caresFor(caller.userId(), patientId, Instant.now())) {
            return new AccessDecision(Verdict.ALLOW, Basis.CARE_TEAM);
        }
        if (clinician && breakGlassGrants.active(caller.userId(), patientId, Instant.now())) {
            return new AccessDecision(Verdict.ALLOW, Basis.BREAK_THE_GLASS);
        }
        return new AccessDecision(Verdict.DENY, Basis.NONE);
    }
}
