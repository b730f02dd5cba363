package health.citadel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.citadel.identity.internal.AccessReview.Finding;
import health.citadel.identity.internal.AccessReview.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessReviewRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final AccessReviewRules.Settings SETTINGS =
            new AccessReviewRules.Settings(Duration.ofDays(90), Duration.ofDays(7));
    private static final RealmDirectory.LoginEvents KEPT_A_YEAR = new RealmDirectory.LoginEvents(true, Duration.ofDays(365));

    private static RealmAccount account(String name, boolean otp, Instant created, String... roles) {
        return new RealmAccount("id-" + name, name, true, otp, created, Set.of(roles));
    }

    private static List<Kind> kindsFor(RealmAccount account, Map<String, Instant> logins) {
        return AccessReviewRules.findings(SETTINGS, NOW, KEPT_A_YEAR, List.of(account), logins, List.of())
                .stream().map(Finding::kind).toList();
    }

    @Test
    void aRecentlyActiveStaffMemberWithOtpAndOneRoleIsClean() {
        RealmAccount clean = account("clean", true, null, "physician", "staff");
        assertEquals(List.of(), kindsFor(clean, Map.of(clean.id(), NOW.minus(Duration.ofDays(89)))));
    }

    @Test
    void noLoginWithinTheWindowIsDormantButANewAccountIsNot() {
        RealmAccount old = account("old", true, NOW.minus(Duration.ofDays(200)), "nurse");
        assertEquals(List.of(Kind.DORMANT_ACCOUNT), kindsFor(old, Map.of()));
        assertEquals(List.of(Kind.DORMANT_ACCOUNT), kindsFor(account("unknown", true, null, "nurse"), Map.of()));
        assertEquals(List.of(), kindsFor(account("new", true, NOW.minus(Duration.ofDays(3)), "nurse"), Map.of()));
    }

    @Test
    void staffNeedOtpButPatientsDoNot() {
        Instant recent = NOW.minus(Duration.ofDays(1));
        assertEquals(List.of(Kind.STAFF_WITHOUT_OTP), kindsFor(account("fd", false, recent, "front_desk"), Map.of()));
        assertEquals(List.of(), kindsFor(account("pat", false, recent, "patient"), Map.of()));
    }

    @Test
    void conflictingRolesAreNamed() {
        Instant recent = NOW.minus(Duration.ofDays(1));
        List<Finding> findings = AccessReviewRules.findings(SETTINGS, NOW, KEPT_A_YEAR,
                List.of(account("both", true, recent, "admin", "physician")), Map.of(), List.of());
        assertEquals(List.of(new Finding(Kind.CONFLICTING_ROLES, "id-both", "both", "admin together with physician")),
                findings);
        assertEquals(List.of(Kind.CONFLICTING_ROLES), kindsFor(account("dbadoc", true, recent, "dba", "nurse"), Map.of()));
        assertEquals(List.of(Kind.CONFLICTING_ROLES), kindsFor(account("audadm", true, recent, "auditor", "admin"), Map.of()));
        assertEquals(List.of(), kindsFor(account("docnurse", true, recent, "physician", "nurse"), Map.of()));
    }

    @Test
    void disabledAccountsAreSkipped() {
        RealmAccount disabled = new RealmAccount("id-x", "x", false, false, null, Set.of("admin", "physician"));
        assertEquals(List.of(), kindsFor(disabled, Map.of()));
    }

    @Test
    void overdueGrantsAreNamedWithTheClinician() {
        RealmAccount nurse = account("nurse", true, null, "nurse");
        var grant = new BreakGlassGrants.Grant(UUID.randomUUID(), nurse.id(), UUID.randomUUID(), "reason",
                NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(8)).plusSeconds(3600), null, null, null, null, null);
        List<Finding> findings = AccessReviewRules.findings(SETTINGS, NOW, KEPT_A_YEAR, List.of(nurse),
                Map.of(nurse.id(), NOW), List.of(grant));
        assertEquals(1, findings.size());
        assertEquals(Kind.UNREVIEWED_BREAK_GLASS, findings.get(0).kind());
        assertEquals("nurse", findings.get(0).username());
    }

    @Test
    void loginEventsThatAreNotKeptLongEnoughAreAFinding() {
        for (var events : List.of(new RealmDirectory.LoginEvents(false, null),
                new RealmDirectory.LoginEvents(true, Duration.ofDays(30)))) {
            assertEquals(List.of(Kind.LOGIN_EVENTS_NOT_KEPT), AccessReviewRules.findings(SETTINGS, NOW, events,
                    List.of(), Map.of(), List.of()).stream().map(Finding::kind).toList());
        }
        assertEquals(List.of(), AccessReviewRules.findings(SETTINGS, NOW, new RealmDirectory.LoginEvents(true, null),
                List.of(), Map.of(), List.of()));
    }
}
