package health.citadel.dr.internal.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A transaction the old writer committed that never reached the new writer, as its replication slot holds it:
 * every row change in commit order, with the whole row before and after (the published tables have
 * {@code REPLICA IDENTITY FULL}, so a change can be checked against what the new writer holds now).
 */
record LostCommit(long xid, Instant committedAt, String commitLsn, List<Change> changes) {

    public LostCommit {
        changes = List.copyOf(changes);
    }

    public enum Kind { INSERT, UPDATE, DELETE, TRUNCATE }

    /**
     * One row change. {@code before} is absent for an insert, {@code after} for a delete; a truncate has
     * neither. {@code wholeBefore} is false where the old writer logged only the key of the row before, so the
     * change cannot be checked against the new writer's row.
     */
    public record Change(String schema, String table, Kind kind, Row before, Row after, boolean wholeBefore) {

        public String tableName() {
            return schema + "." + table;
        }
    }

    /** A row image: column names with their values in the server's text form; {@code null} is SQL NULL. */
    public record Row(List<String> columns, List<String> values) {

        public Row {
            columns = List.copyOf(columns);
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        public String value(String column) {
            int at = columns.indexOf(column);
            if (at < 0) {
                throw new IllegalArgumentException("the row has no column " + column);
            }
            return values.get(at);
        }
    }
}
