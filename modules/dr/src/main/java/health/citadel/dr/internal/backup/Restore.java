package health.citadel.dr.internal.backup;

import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.dr.internal.Identifiers;
import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.Replication;
import health.citadel.dr.internal.Sequences;
import health.citadel.dr.internal.TableChecksum;
import health.citadel.platform.jdbc.Statements;
import health.citadel.platform.migration.SchemaMigrations;
import health.citadel.platform.progress.Progress;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.postgresql.PGConnection;

/**
 * {@code dr restore}: a backup into an empty cluster. The target gets the application's roles (without login;
 * the deployment gives them passwords) and the database, is migrated to the backup's schema versions, and
 * must hold no row. Then one transaction loads every table, checks each stream's digest and each table's
 * checksum against the backup's, moves the sequences past the restored keys, and replays the live erasure
 * ledger, so a patient erased after the backup stays erased. Any failure rolls it all back.
 */
public final class Restore {

    /**
     * What was restored.
     *
     * @param ledgerFrom       the region whose erasure ledger was replayed; null where none answered
     * @param erasuresReplayed patients whose key the replay destroyed again
     */
    public record Report(String target, Instant takenAt, String takenFrom, int tables, long rows, String ledgerFrom,
                         int ledgerEntries, int erasuresReplayed, Duration took) {
    }

    private final RegionAccess regions;
    private final Path keyset;
    private final String migrations;
    private final Progress progress;

    /** @param migrations the folder of per-module migrations the release that took the backup ships */
    public Restore(RegionAccess regions, Path keyset, String migrations, Progress progress) {
        this.regions = regions;
        this.keyset = keyset;
        this.migrations = migrations;
        this.progress = progress;
    }

    /**
     * @param withoutLiveLedger the DBA's acknowledgement that no region answers, so erasures made after the
     *                          backup cannot be replayed now and must be later
     */
    public Report run(Path file, String targetUrl, String user, String password, boolean withoutLiveLedger)
            throws SQLException, IOException, GeneralSecurityException {
        long began = System.nanoTime();
        progress.phase("reading the live writer's erasure ledger");
        ErasureLedger ledger = ErasureLedger.live(regions, withoutLiveLedger);
        try (ZipInputStream archive = BackupArchive.read(file, keyset)) {
            BackupManifest manifest = BackupManifest.readFrom(archive);
            // read before the target is touched, so that a backup from another release leaves no migrated database
            Map<String, String> shipped = SchemaMigrations.newestVersions(Path.of(migrations),
                    Replication.PUBLISHED_SCHEMAS);
            if (!shipped.equals(manifest.schemaVersions())) {
                throw new SQLException("this release's migrations reach schema versions " + shipped + ", not the "
                        + "backup's " + manifest.schemaVersions() + ": restore with the release that took it "
                        + "(nothing was created in the target)");
            }
            progress.phase("preparing the target: the application's roles, the database, the migrations");
            prepare(targetUrl, user, password);
            try (Connection target = RegionAccess.connect(targetUrl, user, password)) {
                Map<String, String> versions = Backup.schemaVersions(target);
                if (!versions.equals(manifest.schemaVersions())) {
                    throw new SQLException("the target's schema versions " + versions + " are not "
                            + "the backup's " + manifest.schemaVersions() + ": restore with the release that took it");
                }
                Map<String, List<String>> migrated = Backup.moduleTables(target);
                for (BackupManifest.Table table : manifest.tables()) {
                    if (!table.columns().equals(migrated.get(table.name()))) {
                        throw new SQLException("the backup's table " + table.name() + " is not as the migrations "
                                + "make it (" + migrated.get(table.name()) + "): made or altered by hand?");
                    }
                    if (Statements.exists(target, "SELECT 1 FROM " + Identifiers.table(table.name()) + " LIMIT 1")) {
                        throw new SQLException("the target is not empty: " + table.name() + " holds rows");
                    }
                }
                int replayed;
                try {
                    replayed = load(target, archive, manifest, ledger);
                } catch (IOException unreadable) {
                    // every segment is authenticated: a changed, cut or foreign file stops here, rolled back
                    throw new IOException("the backup does not read back whole (changed, cut, or encrypted with "
                            + "another key): nothing was restored", unreadable);
                }
                // the URL's parameters may carry a password; the report is journaled and audited
                return new Report(targetUrl.replaceFirst("\\?.*$", ""), manifest.takenAt(), manifest.region(),
                        manifest.tables().size(),
                        manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum(), ledger.region(),
                        ledger.entries().size(), replayed, Duration.ofNanos(System.nanoTime() - began));
            }
        }
    }

    private int load(Connection target, ZipInputStream archive, BackupManifest manifest, ErasureLedger ledger)
            throws SQLException, IOException, GeneralSecurityException {
        target.setAutoCommit(false);
        try {
            try (var statement = target.createStatement()) {
                // rows go in as they were written; the append-only triggers guard the application, not a restore
                statement.execute("SET LOCAL session_replication_role = replica");
                statement.execute("SET LOCAL TimeZone = 'UTC'");
            }
            var copy = target.unwrap(PGConnection.class).getCopyAPI();
            List<String> digests = new ArrayList<>();
            for (BackupManifest.Table table : manifest.tables()) {
                BackupArchive.expect(archive, BackupArchive.TABLE_PREFIX + table.name());
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                InputStream entry = new DigestInputStream(new FilterInputStream(archive) {
                    @Override
                    public void close() {
                        // the archive's next entry follows
                    }
                }, sha256);
                copy.copyIn("COPY " + Identifiers.table(table.name()) + " (" + Identifiers.list(table.columns())
                        + ") FROM STDIN (FORMAT binary)", entry);
                digests.add(HexFormat.of().formatHex(sha256.digest()));
                progress.counted("tables loaded", digests.size(), manifest.tables().size());
            }
            BackupArchive.expect(archive, BackupArchive.DIGESTS);
            JsonObject expected = Json.createReader(archive).readObject();
            List<String> differ = new ArrayList<>();
            for (int i = 0; i < manifest.tables().size(); i++) {
                BackupManifest.Table table = manifest.tables().get(i);
                TableChecksum restored = TableChecksum.of(target, table.name());
                if (!digests.get(i).equals(expected.getString(table.name(), ""))
                        || !restored.equals(new TableChecksum(table.rows(), table.checksum()))) {
                    differ.add(table.name());
                }
                progress.counted("tables checked against the backup", i + 1, manifest.tables().size());
            }
            if (!differ.isEmpty()) {
                throw new SQLException("the restored tables " + differ + " differ from the backup: nothing was restored");
            }
            Sequences.bringForward(target, null, 1);
            progress.phase("replaying the erasure ledger's " + ledger.entries().size() + " entries");
            int replayed = ledger.replayInto(target);
            target.commit();
            return replayed;
        } catch (SQLException | IOException | GeneralSecurityException | RuntimeException e) {
            target.rollback();
            throw e;
        }
    }

    /** The application's roles (without login) and its database where missing; then the migrations, as its owner. */
    private void prepare(String targetUrl, String user, String password) throws SQLException {
        String database = URI.create(targetUrl.substring("jdbc:".length())).getPath().substring(1);
        ApplicationLogins logins = regions.application();
        String maintenanceUrl = targetUrl.replaceFirst("/" + database + "(\\?|$)", "/postgres$1");
        try (Connection maintenance = RegionAccess.connect(maintenanceUrl, user, password)) {
            for (String role : List.of(logins.owner(), logins.app())) {
                if (!Statements.exists(maintenance, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    Statements.execute(maintenance, "CREATE ROLE %I NOLOGIN", role);
                }
            }
            if (!Statements.exists(maintenance, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                Statements.execute(maintenance, "CREATE DATABASE %I OWNER %I ENCODING 'UTF8'", database, logins.owner());
            }
        }
        new SchemaMigrations("filesystem:" + migrations, Restore.class.getClassLoader())
                .migrate(RegionAccess.asOwner(targetUrl, user, password, logins.owner()), logins.app());
    }
}
