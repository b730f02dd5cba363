package health.citadel.dr.internal.upgrade;

import health.citadel.dr.api.RegionSetup;
import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.dr.internal.Replication;
import health.citadel.platform.migration.SchemaMigrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A release's migrations on a pair of regions, in the only order logical replication, which carries rows and no
 * DDL, survives while the writer takes writes: the standby first, so that it never lacks a column the writer
 * sends; then the writer; then both publish the new tables, and the standby's subscription picks them up.
 * {@code bin/citadel up} and {@code bin/citadel dr migrate} both upgrade through here.
 */
public final class SchemaUpgrade {

    private static final AdditiveChanges ADDITIVE = new AdditiveChanges(Set.copyOf(Replication.PUBLISHED_SCHEMAS),
            Replication.PUBLISHED_DR_TABLES.stream().map(table -> "dr." + table).collect(Collectors.toSet()));

    private final SchemaMigrations migrations;
    private final ApplicationLogins logins;
    private final String replicator;

    /** @param migrations where the per-module folders are, as {@link SchemaMigrations} takes it */
    public SchemaUpgrade(String migrations, ApplicationLogins logins, String replicator) {
        this.migrations = new SchemaMigrations(migrations, SchemaUpgrade.class.getClassLoader());
        this.logins = logins;
        this.replicator = replicator;
    }

    public List<SchemaMigrations.Pending> pending(RegionSetup.Upgrading region) {
        return migrations.pending(region.owner(), logins.app());
    }

    /**
     * The statements of these migrations that do not only add, each as {@code records/V9__name.sql line 3: ALTER
     * TABLE ... DROP COLUMN}; empty where all of them may run on the standby first.
     *
     * @param root the folder of per-module folders the migrations are read from
     */
    public static List<String> notAdditive(Path root, Collection<SchemaMigrations.Pending> pending)
            throws IOException {
        List<String> refused = new ArrayList<>();
        for (SchemaMigrations.Pending migration : pending) {
            String file = migration.schema() + "/" + migration.script();
            for (AdditiveChanges.Refusal refusal : ADDITIVE.refusals(Files.readString(root.resolve(file)))) {
                refused.add(file + " line " + refusal.line() + ": " + refusal.kind());
            }
        }
        return refused;
    }

    /** @param writerConninfo how the standby's subscription reaches the writer, set again before it refreshes */
    public void run(RegionSetup.Upgrading standby, RegionSetup.Upgrading writer, String writerConninfo)
            throws SQLException {
        for (RegionSetup.Upgrading region : List.of(standby, writer)) {
            try {
                migrations.migrate(region.owner(), logins.app());
            } catch (RuntimeException e) {
                throw new SQLException("migrating region " + region.name() + " failed"
                        + (region == writer ? " after region " + standby.name() + " was migrated" : "") + ": "
                        + e.getMessage(), e);
            }
        }
        Connection publisher = writer.dba();
        Connection subscriber = standby.dba();
        Replication.publish(publisher, replicator, logins.owner());
        Replication.publish(subscriber, replicator, logins.owner());
        // a subscription copies and follows only the tables it knew when it was made or last refreshed; its
        // connection is set again first, which keeps a pair made before a security change (TLS) current
        if (Replication.subscribed(subscriber)) {
            Replication.reconnect(subscriber, writerConninfo);
            Replication.refresh(subscriber);
        }
    }
}
