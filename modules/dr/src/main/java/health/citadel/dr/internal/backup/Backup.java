package health.citadel.dr.internal.backup;

import health.citadel.dr.internal.Identifiers;
import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.Replication;
import health.citadel.dr.internal.TableChecksum;
import health.citadel.dr.internal.Topology;
import health.citadel.platform.jdbc.Statements;
import jakarta.json.Json;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * reproduced them; encrypted with the backup key. The file appears under its final name only when whole.
 */
public final class Backup {

    /** What was written. */
    public record Report(Path file, String region, long epoch, int tables, long rows, long bytes, Duration took) {
    }

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RegionAccess regions;
    private final Path keyset;
    private final Path directory;

    public Backup(RegionAccess regions, Path keyset, Path directory) {
        this.regions = regions;
        this.keyset = keyset;
        this.directory = directory;
    }

    public Report take() throws SQLException, IOException, GeneralSecurityException {
        long began = System.nanoTime();
        String region = Topology.newestWriter(regions);
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Instant now = Instant.now();
        Path file = directory.resolve("citadel-" + NAME.format(now) + ".backup");
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
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
            for (Map.Entry<String, List<String>> table : moduleTables(dba).entrySet()) {
                TableChecksum sum = TableChecksum.of(dba, table.getKey());
                tables.add(new BackupManifest.Table(table.getKey(), table.getValue(), sum.rows(), sum.checksum()));
            }
            manifest = new BackupManifest(BackupManifest.FORMAT, now, region, epoch, schemaVersions(dba), tables);
            write(dba, manifest, partial);
            dba.commit();
        } catch (SQLException | IOException | GeneralSecurityException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return new Report(file, region, manifest.epoch(), manifest.tables().size(),
                manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum(), Files.size(file),
                Duration.ofNanos(System.nanoTime() - began));
    }

    private void write(Connection dba, BackupManifest manifest, Path file)
            throws SQLException, IOException, GeneralSecurityException {
        var copy = dba.unwrap(PGConnection.class).getCopyAPI();
        var digests = Json.createObjectBuilder();
        try (ZipOutputStream zip = BackupArchive.write(file, keyset)) {
            BackupArchive.entry(zip, BackupArchive.MANIFEST, manifest.json());
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
