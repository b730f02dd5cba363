package health.citadel.dr.internal.backup;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

/**
 * What a backup holds, written before the tables so a restore can refuse a target before it loads anything:
 * where and when it was taken, each module's schema version, and per table its columns, row count and the
 * checksum the restore must reproduce.
 */
record BackupManifest(int format, Instant takenAt, String region, long epoch, Map<String, String> schemaVersions,
                      List<Table> tables) {

    static final int FORMAT = 1;

    record Table(String name, List<String> columns, long rows, String checksum) {
    }

    BackupManifest {
        schemaVersions = Map.copyOf(schemaVersions);
        tables = List.copyOf(tables);
    }

    String json() {
        JsonObjectBuilder versions = Json.createObjectBuilder();
        schemaVersions.forEach(versions::add);
        JsonArrayBuilder tableList = Json.createArrayBuilder();
        for (Table table : tables) {
            tableList.add(Json.createObjectBuilder().add("name", table.name())
                    .add("columns", Json.createArrayBuilder(table.columns())).add("rows", table.rows())
                    .add("checksum", table.checksum()));
        }
        return Json.createObjectBuilder().add("format", format).add("takenAt", takenAt.toString())
                .add("region", region).add("epoch", epoch).add("schemaVersions", versions).add("tables", tableList)
                .build().toString();
    }

    /** The manifest, the archive's first entry. */
    static BackupManifest readFrom(ZipInputStream archive) throws IOException {
        BackupArchive.expect(archive, BackupArchive.MANIFEST);
        return parse(new String(archive.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The manifest of a backup file, which only the file's key reads. */
    static BackupManifest read(Path file, Path keyset) throws IOException, GeneralSecurityException {
        try (ZipInputStream archive = BackupArchive.read(file, keyset)) {
            return readFrom(archive);
        }
    }

    static BackupManifest parse(String text) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        if (json.getInt("format") != FORMAT) {
            throw new IllegalArgumentException("backup format " + json.getInt("format") + " is not " + FORMAT);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        json.getJsonObject("schemaVersions").forEach((schema, version) -> versions.put(schema,
                ((JsonString) version).getString()));
        List<Table> tables = new ArrayList<>();
        for (JsonValue value : json.getJsonArray("tables")) {
            JsonObject table = value.asJsonObject();
            tables.add(new Table(table.getString("name"), table.getJsonArray("columns").getValuesAs(
                    JsonString::getString), table.getJsonNumber("rows").longValue(),
                    table.getString("checksum")));
        }
        return new BackupManifest(json.getInt("format"), Instant.parse(json.getString("takenAt")),
                json.getString("region"), json.getJsonNumber("epoch").longValue(), versions, tables);
    }
}
