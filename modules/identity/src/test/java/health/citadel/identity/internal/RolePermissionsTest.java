package health.citadel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RolePermissionsTest {

    private static final Set<Permission> PHI = EnumSet.of(Permission.READ_DEMOGRAPHICS, Permission.WRITE_DEMOGRAPHICS,
            Permission.READ_CLINICAL, Permission.WRITE_CLINICAL, Permission.REVEAL_IDENTIFIER,
            Permission.EXPORT_CHART, Permission.BREAK_THE_GLASS);

    @Test
    void noRolesGrantNothing() {
        assertEquals(Set.of(), RolePermissions.of(List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "AUDITOR", "DBA"})
    void administrativeRolesSeeNoPhi(Role role) {
        Set<Permission> granted = RolePermissions.of(List.of(role));
        PHI.forEach(permission -> assertFalse(granted.contains(permission), role + " must not hold " + permission));
    }

    @Test
    void frontDeskSeesDemographicsButNotClinicalData() {
        Set<Permission> granted = RolePermissions.of(List.of(Role.FRONT_DESK));
        assertTrue(granted.contains(Permission.READ_DEMOGRAPHICS));
        assertFalse(granted.contains(Permission.READ_CLINICAL));
        assertFalse(granted.contains(Permission.WRITE_CLINICAL));
    }

    @Test
    void permissionsOfSeveralRolesAreTheirUnion() {
        Set<Permission> granted = RolePermissions.of(List.of(Role.DBA, Role.AUDITOR));
        assertTrue(granted.containsAll(EnumSet.of(Permission.RUN_DR, Permission.READ_AUDIT_LOG)));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyTheDbaWatchesReplicationAndRunsDr(Role role) {
        Set<Permission> granted = RolePermissions.of(List.of(role));
        assertEquals(role == Role.DBA, granted.contains(Permission.RUN_DR), role + " and RUN_DR");
        assertEquals(role == Role.DBA, granted.contains(Permission.VIEW_REPLICATION), role + " and VIEW_REPLICATION");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyTheAdministratorSetsOrClearsTheRestrictedFlag(Role role) {
        assertEquals(role == Role.ADMIN, RolePermissions.of(List.of(role)).contains(Permission.MANAGE_RESTRICTION),
                role + " and MANAGE_RESTRICTION");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleMaySeeItsOwnIdentity(Role role) {
        assertTrue(RolePermissions.of(List.of(role)).contains(Permission.VIEW_OWN_IDENTITY));
    }

    @Test
    void unknownClaimsMapToNoRole() {
        assertTrue(Role.fromClaim("superuser").isEmpty());
        assertEquals(Role.FRONT_DESK, Role.fromClaim("front_desk").orElseThrow());
    }
}
