package health.citadel.identity.internal;

import health.citadel.identity.api.Role;
import health.citadel.identity.internal.AccessReview.Finding;
import health.citadel.identity.internal.AccessReview.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the access review flags, given what the realm and the break-the-glass register say. */
final class AccessReviewRules {

    /**
     * @param dormancy        an enabled account with no login for this long is dormant
     * @param reviewDeadline a break-the-glass grant should be reviewed within this time
     */
    record Settings(Duration dormancy, Duration reviewDeadline) {
    }

    /** Segregation of duties: whoever holds {@code role} must hold none of {@code excluded}. */
    private record Conflict(Role role, Set<Role> excluded) {
    }

    private static final Set<Role> CLINICAL = EnumSet.of(Role.PHYSICIAN, Role.NURSE);
    private static final List<Conflict> CONFLICTS = List.of(
            new Conflict(Role.ADMIN, CLINICAL),
            new Conflict(Role.DBA, CLINICAL),
            // those who audit access must not also grant it or run the databases
            new Conflict(Role.AUDITOR, EnumSet.of(Role.ADMIN, Role.DBA)),
            // a patient's account sees its own chart by a claim; staff duties belong on a separate account
            new Conflict(Role.PATIENT, EnumSet.complementOf(EnumSet.of(Role.PATIENT))));

    private AccessReviewRules() {
    }

    static List<Finding> findings(Settings settings, Instant now, RealmDirectory.LoginEvents loginEvents,
                                  List<RealmAccount> accounts, Map<String, Instant> lastLogins,
                                  List<BreakGlassGrants.Grant> overdueGrants) {
        List<Finding> findings = new ArrayList<>();
        if (!loginEvents.kept()) {
            findings.add(new Finding(Kind.LOGIN_EVENTS_NOT_KEPT, null, null,
                    "the realm does not keep LOGIN events, so dormant accounts cannot be found"));
        } else if (loginEvents.retention() != null && loginEvents.retention().compareTo(settings.dormancy()) < 0) {
            findings.add(new Finding(Kind.LOGIN_EVENTS_NOT_KEPT, null, null, "login events are kept for "
                    + loginEvents.retention() + ", shorter than the dormancy window " + settings.dormancy()));
        }
        Instant dormantBefore = now.minus(settings.dormancy());
        for (RealmAccount account : accounts) {
            if (!account.enabled()) {
                continue; // a disabled account cannot sign in
            }
            Set<Role> roles = account.roles().stream().map(Role::fromClaim).flatMap(Optional::stream)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            Instant lastSeen = lastLogins.getOrDefault(account.id(), account.createdAt());
            if (lastSeen == null || lastSeen.isBefore(dormantBefore)) {
                findings.add(finding(Kind.DORMANT_ACCOUNT, account, lastSeen == null
                        ? "no login on record" : "no login since " + lastSeen + " (window " + settings.dormancy() + ")"));
            }
            if (!account.otpConfigured() && roles.stream().anyMatch(role -> role != Role.PATIENT)) {
                findings.add(finding(Kind.STAFF_WITHOUT_OTP, account, "a staff account without a configured OTP"));
            }
            for (Conflict conflict : CONFLICTS) {
                Set<Role> clash = EnumSet.copyOf(conflict.excluded());
                clash.retainAll(roles);
                if (roles.contains(conflict.role()) && !clash.isEmpty()) {
                    findings.add(finding(Kind.CONFLICTING_ROLES, account, conflict.role().claimValue() + " together with "
                            + clash.stream().map(Role::claimValue).sorted().collect(Collectors.joining(", "))));
                }
            }
        }
        Map<String, RealmAccount> byId = accounts.stream().collect(Collectors.toMap(RealmAccount::id, Function.identity()));
        for (BreakGlassGrants.Grant grant : overdueGrants) {
            RealmAccount clinician = byId.get(grant.clinicianId());
            findings.add(new Finding(Kind.UNREVIEWED_BREAK_GLASS, grant.clinicianId(),
                    clinician == null ? null : clinician.username(), "grant " + grant.id() + " of "
                    + grant.grantedAt() + " is unreviewed beyond " + settings.reviewDeadline()));
        }
        return findings;
    }

    private static Finding finding(Kind kind, RealmAccount account, String detail) {
        return new Finding(kind, account.id(), account.username(), detail);
    }
}
