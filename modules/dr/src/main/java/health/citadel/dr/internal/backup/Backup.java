package health.citadel.dr.internal.backup;

import health.citadel.dr.internal.Identifiers;
import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.Replication;
import health.citadel.dr.internal.TableChecksum;
import health.citadel.dr.internal.Topology;
import health.citadel.platform.jdbc.Statements;
import health.citadel.platform.progress.Progress;
import jakarta.json.Json;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;

/**
 * {@code dr backup}: the module schemas of the writer, read in one repeatable-read snapshot, so every table is
 * as of the same instant; checksummed as {@code dr verify} checksums a table, so a restore can prove it
 * reproduced them; encrypted with the backup key. The file appears under its final name only when whole. Then
 * it is copied to the other region's folder, and retention prunes both folders; not while copies fail, so that
 * the folder that has them keeps every backup until a copy succeeds again.
 */
public final class Backup {

    /**
     * What was written.
     *
     * @param copy       the copy, read back whole; null where none was made
     * @param copyFailed why the copy failed, in one line; null where it did not
     * @param removed    what retention removed, from both folders
     */
    public record Report(Path file, String region, long epoch, int tables, long rows, long bytes, Duration took,
                         Path copy, String copyFailed, BackupRetention retention, List<Path> removed) {

        public Report {
            removed = List.copyOf(removed);
        }
    }

    private final RegionAccess regions;
    private final BackupSettings settings;
    private final Clock clock;
    private final Progress progress;

    public Backup(RegionAccess regions, BackupSettings settings, Clock clock, Progress progress) {
        this.regions = regions;
        this.settings = settings;
        this.clock = clock;
        this.progress = progress;
    }

    public Report take() throws SQLException, IOException, GeneralSecurityException {
        long began = System.nanoTime();
        progress.phase("finding the writer");
        String region = Topology.newestWriter(regions);
        BackupFolder folder = new BackupFolder(settings.directory(), settings.keyset());
        Instant now = clock.instant();
        Path file = folder.fileFor(now);
        Path partial = folder.start(file);
        BackupManifest manifest;
        try (Connection dba = regions.dba(region)) {
            dba.setAutoCommit(false);
            dba.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            dba.setReadOnly(true);
            try (var statement = dba.createStatement()) {
                // row text, and so the checksums, must not depend on the session's time zone
                statement.execute("SET LOCAL TimeZone = 'UTC'");
            }
            long epoch = Topology.current(dba).map(Topology.Epoch::number).orElse(0L);
            List<BackupManifest.Table> tables = new ArrayList<>();
            Map<String, List<String>> moduleTables = moduleTables(dba);
            for (Map.Entry<String, List<String>> table : moduleTables.entrySet()) {
                TableChecksum sum = TableChecksum.of(dba, table.getKey());
                tables.add(new BackupManifest.Table(table.getKey(), table.getValue(), sum.rows(), sum.checksum()));
                progress.counted("tables of region " + region + " checksummed", tables.size(), moduleTables.size());
            }
            manifest = new BackupManifest(BackupManifest.FORMAT, now, region, epoch, schemaVersions(dba), tables);
            write(dba, manifest, partial);
            dba.commit();
            folder.finish(partial, file);
        } catch (SQLException | IOException | GeneralSecurityException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Stored stored = store(folder, file, now);
        return new Report(file, region, manifest.epoch(), manifest.tables().size(),
                manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum(), Files.size(file),
                Duration.ofNanos(System.nanoTime() - began), stored.copy(), stored.copyFailed(), settings.retention(),
                stored.removed());
    }

    /** Where a written backup ended up; as in {@link Report}. */
    record Stored(Path copy, String copyFailed, List<Path> removed) {
    }

    /** Copies the backup just written, then prunes the copies' folder and its own; neither if the copy fails. */
    Stored store(BackupFolder folder, Path file, Instant now) throws IOException {
        Path copy = null;
        List<Path> removed = new ArrayList<>();
        if (settings.copy().isPresent()) {
            BackupFolder copies = new BackupFolder(settings.copy().get(), settings.keyset());
            progress.phase("copying the backup to " + copies.directory() + " and reading the copy back");
            try {
                copy = BackupCopy.of(file, copies);
                removed.addAll(copies.prune(settings.retention(), now, clock));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                String failed = copy == null ? "the copy to " + copies.directory() + ": "
                        : "the copy " + copy + " is made, but its folder is not pruned: ";
                return new Stored(copy, (failed + e).replaceAll("\\s*\\R\\s*", " "), removed);
            }
        }
        progress.phase("removing what retention no longer keeps");
        try {
            removed.addAll(0, folder.prune(settings.retention(), now, clock));
        } catch (IOException e) {
            throw new IOException("the backup " + file + " is written" + (copy == null ? "" : " and copied to " + copy)
                    + ", but " + e.getMessage(), e);
        }
        return new Stored(copy, null, removed);
    }

    private void write(Connection dba, BackupManifest manifest, Path file)
            throws SQLException, IOException, GeneralSecurityException {
        var copy = dba.unwrap(PGConnection.class).getCopyAPI();
        var digests = Json.createObjectBuilder();
        try (ZipOutputStream zip = BackupArchive.write(file, settings.keyset())) {
            BackupArchive.entry(zip, BackupArchive.MANIFEST, manifest.json());
            int written = 0;
            for (BackupManifest.Table table : manifest.tables()) {
                zip.putNextEntry(new ZipEntry(BackupArchive.TABLE_PREFIX + table.name()));
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                // the driver must not close the zip with the table's stream
                OutputStream entry = new DigestOutputStream(new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() {
                        // the zip entry is closed below
                    }
                }, sha256);
                copy.copyOut("COPY " + Identifiers.table(table.name()) + " (" + Identifiers.list(table.columns())
                        + ") TO STDOUT (FORMAT binary)", entry);
                zip.closeEntry();
                digests.add(table.name(), HexFormat.of().formatHex(sha256.digest()));
                progress.counted("tables copied into the encrypted backup", ++written, manifest.tables().size());
            }
            BackupArchive.entry(zip, BackupArchive.DIGESTS, digests.build().toString());
        }
    }

    /** Every table of the module schemas with its columns in order; the DR schema is each region's own. */
    static Map<String, List<String>> moduleTables(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT n.nspname || '.' || c.relname, a.attname "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                + "WHERE c.relkind = 'r' AND n.nspname = ANY (?) ORDER BY 1, a.attnum")) {
            query.setArray(1, connection.createArrayOf("text", Replication.PUBLISHED_SCHEMAS.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return tables;
    }

    /** Each module's newest applied migration, from its Flyway history. */
    static Map<String, String> schemaVersions(Connection connection) throws SQLException {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String schema : Replication.PUBLISHED_SCHEMAS) {
            String query = Statements.column(connection, "SELECT format('SELECT coalesce(max(version::int)::text, "
                    + "'''') FROM migrations.%I WHERE success AND version IS NOT NULL', ? || '_schema_history')",
                    schema).get(0);
            versions.put(schema, Statements.column(connection, query).get(0));
        }
        return versions;
    }
}
