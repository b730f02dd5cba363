package health.citadel.dr.internal.operations;

import health.citadel.dr.api.JournalEntry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a DR operation leaves its record: a line in the operator's local journal, appended first and always,
 * because the databases may be the thing that failed; and a row in {@code dr.operation} on the region that
 * writes afterwards, which the application turns into an audit event.
 */
final class OperationLog {

    /** One operation's record; {@code detail} names regions, epochs and times, never a row's content. */
    public record Entry(UUID id, String action, String operator, String region, boolean succeeded, Instant finishedAt,
                        String detail) {

        JsonObject json() {
            return Json.createObjectBuilder().add("id", id.toString()).add("action", action)
                    .add("operator", operator).add("region", region).add("outcome", succeeded ? "SUCCESS" : "FAILURE")
                    .add("finishedAt", finishedAt.toString()).add("detail", detail).build();
        }
    }

    private OperationLog() {
    }

    /** Appends one JSON line; the file is the operator's, created owner-only. */
    public static void journal(Path file, Entry entry) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, entry.json() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    /** A journal line read back, in the names {@link Entry#json()} writes. */
    static JournalEntry read(JsonObject line) {
        return new JournalEntry(line.getString("id", null), line.getString("action", null),
                line.getString("operator", null), line.getString("region", null), line.getString("outcome", null),
                line.getString("finishedAt", null), line.getString("detail", null));
    }

    /** Writes the entry to a region's {@code dr.operation}, as the DBA. */
    public static void record(Connection dba, Entry entry) throws SQLException {
        try (PreparedStatement insert = dba.prepareStatement("INSERT INTO dr.operation (id, action, operator, region, "
                + "outcome, finished_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, entry.id());
            insert.setString(2, entry.action());
            insert.setString(3, entry.operator());
            insert.setString(4, entry.region());
            insert.setString(5, entry.succeeded() ? "SUCCESS" : "FAILURE");
            insert.setTimestamp(6, Timestamp.from(entry.finishedAt()));
            insert.setString(7, entry.detail());
            insert.executeUpdate();
        }
    }
}
