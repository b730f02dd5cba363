package health.citadel.dr.internal.operations;

import health.citadel.dr.api.RegionSetup;
import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.upgrade.SchemaUpgrade;
import health.citadel.platform.migration.SchemaMigrations;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dr migrate}: a release's migrations on both regions while the application runs. Each migration either
 * region has not run yet must only add (see {@code AdditiveChanges}), or none is applied anywhere; then the
 * standby is migrated, then the writer, and the new tables replicate (see {@link SchemaUpgrade}).
 */
final class Migrate {

    /** A migration, and the regions it was applied to, in that order. */
    record Migration(String schema, String version, String description, String script, List<String> regions) {
    }

    record Report(String writer, String standby, List<Migration> migrations) {
    }

    static final String TWO_RELEASES = "A change that drops, renames or retypes what the running release uses ships "
            + "in two releases: release N adds the new shape and writes both the old and the new, release N+1 removes "
            + "the old once every instance runs release N (README, \"Upgrading Citadel\").";

    private final RegionAccess regions;
    private final Path migrations;

    /** @param migrations the folder of per-module migrations the release ships */
    Migrate(RegionAccess regions, Path migrations) {
        this.regions = regions;
        this.migrations = migrations;
    }

    Report run() throws SQLException, IOException {
        Roles roles = Roles.of(regions);
        SchemaUpgrade upgrade = new SchemaUpgrade("filesystem:" + migrations, regions.application(),
                regions.replicatorUser());
        try (Connection standbyDba = regions.dba(roles.standby()); Connection writerDba = regions.dba(roles.writer())) {
            RegionSetup.Upgrading standby = new RegionSetup.Upgrading(roles.standby(),
                    regions.asOwner(roles.standby()), standbyDba);
            RegionSetup.Upgrading writer = new RegionSetup.Upgrading(roles.writer(), regions.asOwner(roles.writer()),
                    writerDba);
            Map<SchemaMigrations.Pending, List<String>> pending = new LinkedHashMap<>();
            for (RegionSetup.Upgrading region : List.of(standby, writer)) {
                upgrade.pending(region).forEach(migration ->
                        pending.computeIfAbsent(migration, where -> new ArrayList<>()).add(region.name()));
            }
            List<String> refused = SchemaUpgrade.notAdditive(migrations, pending.keySet());
            if (!refused.isEmpty()) {
                throw new IllegalStateException("not every pending migration only adds, so none was applied to "
                        + "either region: " + String.join("; ", refused) + ". " + TWO_RELEASES);
            }
            upgrade.run(standby, writer, regions.conninfo(roles.writer()));
            return new Report(roles.writer(), roles.standby(), pending.entrySet().stream()
                    .map(entry -> new Migration(entry.getKey().schema(), entry.getKey().version(),
                            entry.getKey().description(), entry.getKey().script(), List.copyOf(entry.getValue())))
                    .toList());
        }
    }
}
