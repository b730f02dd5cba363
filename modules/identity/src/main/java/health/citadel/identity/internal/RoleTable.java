package health.citadel.identity.internal;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The role table as reviewers read it: Keycloak role names and sorted permissions. */
@ApplicationScoped
public class RoleTable {

    public Map<String, List<Permission>> asMap() {
        Map<String, List<Permission>> table = new LinkedHashMap<>();
        RolePermissions.table().forEach((role, permissions) ->
                table.put(role.claimValue(), permissions.stream().sorted().toList()));
        return table;
    }
}
