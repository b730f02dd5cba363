package health.citadel.identity.internal;

import static health.citadel.identity.api.Permission.*;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.Role;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The single table that says what each role may do. Default-deny: a permission appears here or nobody
 * has it. Administrators, auditors and DBAs get no permission that reads PHI.
 */
final class RolePermissions {

    private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Map.of(
            Role.PHYSICIAN, EnumSet.of(VIEW_OWN_IDENTITY, READ_DEMOGRAPHICS, WRITE_DEMOGRAPHICS, READ_CLINICAL,
                    WRITE_CLINICAL, REVEAL_IDENTIFIER, EXPORT_CHART, BREAK_THE_GLASS),
            Role.NURSE, EnumSet.of(VIEW_OWN_IDENTITY, READ_DEMOGRAPHICS, WRITE_DEMOGRAPHICS, READ_CLINICAL,
                    WRITE_CLINICAL, BREAK_THE_GLASS),
            Role.FRONT_DESK, EnumSet.of(VIEW_OWN_IDENTITY, READ_DEMOGRAPHICS, WRITE_DEMOGRAPHICS),
            Role.AUDITOR, EnumSet.of(VIEW_OWN_IDENTITY, READ_AUDIT_LOG, REVIEW_ACCESS),
            Role.ADMIN, EnumSet.of(VIEW_OWN_IDENTITY, REVIEW_ACCESS, RUN_ACCESS_REVIEW, MANAGE_CARE_TEAMS,
                    MANAGE_RESTRICTION, ERASE_PATIENT, MANAGE_KEYS),
            Role.DBA, EnumSet.of(VIEW_OWN_IDENTITY, VIEW_REPLICATION, RUN_DR),
            Role.PATIENT, EnumSet.of(VIEW_OWN_IDENTITY, READ_OWN_CHART, READ_OWN_ACCESS_LOG, EXPORT_CHART)));

    private RolePermissions() {
    }

    static Set<Permission> of(Collection<Role> roles) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> granted.addAll(GRANTS.getOrDefault(role, Set.of())));
        return granted;
    }

    static Map<Role, Set<Permission>> table() {
        return GRANTS;
    }
}
