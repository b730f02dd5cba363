package health.citadel.dr.internal.operations;

import health.citadel.dr.internal.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;

/**
 * Tries lost commits on the new writer, one savepoint each, inside one transaction that is committed only when
 * asked to apply. A row change applies where the new writer's row is exactly the row the change started from
 * (for an insert: no row with that key); it is already present where the row is exactly what the change made
 * (or gone, for a delete). Anything else, or any constraint that refuses the commit, makes the whole commit a
 * conflict: a commit is never applied in part. Rows are locked as they are read, so the application cannot
 * change them between the check and the change. As with replication's own apply, the rows go in as they were
 * written, so the tables' triggers do not fire again.
 */
final class CommitReplay {

    private enum RowVerdict { APPLIES, PRESENT, CONFLICT }

    private final Connection writer;
    private final Map<String, List<String>> primaryKeys = new HashMap<>();

    CommitReplay(Connection writer) {
        this.writer = writer;
    }

    List<Salvage.Outcome> replay(List<LostCommit> commits, boolean apply) throws SQLException {
        boolean autoCommit = writer.getAutoCommit();
        writer.setAutoCommit(false);
        try {
            try (var statement = writer.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = replica");
            }
            List<Salvage.Outcome> outcomes = new ArrayList<>();
            for (LostCommit commit : commits) {
                outcomes.add(replay(commit));
            }
            if (apply) {
                writer.commit();
            } else {
                writer.rollback();
            }
            return outcomes;
        } catch (SQLException | RuntimeException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(autoCommit);
        }
    }

    private Salvage.Outcome replay(LostCommit commit) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (LostCommit.Change change : commit.changes()) {
            keys.add(key(change));
        }
        Savepoint before = writer.setSavepoint();
        int applied = 0;
        int present = 0;
        try {
            for (LostCommit.Change change : commit.changes()) {
                Conflict conflict = null;
                switch (verdict(change)) {
                    case APPLIES -> {
                        apply(change);
                        applied++;
                    }
                    case PRESENT -> present++;
                    default -> conflict = new Conflict(change.kind() + " on " + change.tableName()
                            + " finds the row changed on the new writer since the failover");
                }
                if (conflict != null) {
                    throw conflict;
                }
            }
            if (applied > 0 && present > 0) {
                throw new Conflict("part of the commit is on the new writer already");
            }
        } catch (Conflict conflict) {
            writer.rollback(before);
            return new Salvage.Outcome(commit, Salvage.Verdict.CONFLICT, conflict.getMessage(), keys);
        } catch (PSQLException refused) {
            writer.rollback(before);
            var detail = refused.getServerErrorMessage();
            return new Salvage.Outcome(commit, Salvage.Verdict.CONFLICT, "refused by the new writer (SQLState "
                    + refused.getSQLState() + (detail != null && detail.getConstraint() != null
                    ? ", constraint " + detail.getConstraint() : "") + ")", keys);
        }
        writer.releaseSavepoint(before);
        return new Salvage.Outcome(commit, applied > 0 ? Salvage.Verdict.APPLIES : Salvage.Verdict.ALREADY_PRESENT,
                null, keys);
    }

    /** Which row a change is about, as its primary key: identifiers, for the DBA to look the row up. */
    private String key(LostCommit.Change change) throws SQLException {
        LostCommit.Row row = change.after() != null ? change.after() : change.before();
        if (row == null) {
            return "";
        }
        try {
            List<String> parts = new ArrayList<>();
            for (String column : primaryKey(change)) {
                parts.add(column + "=" + row.value(column));
            }
            return String.join(", ", parts);
        } catch (Conflict noKey) {
            return "";
        }
    }

    private RowVerdict verdict(LostCommit.Change change) throws SQLException {
        if (change.kind() == LostCommit.Kind.TRUNCATE) {
            throw new Conflict("a TRUNCATE of " + change.tableName() + " is never replayed automatically");
        }
        if (change.kind() != LostCommit.Kind.INSERT && !change.wholeBefore()) {
            throw new Conflict(change.tableName() + " logged only the key of the changed row, so the change cannot "
                    + "be checked");
        }
        List<String> key = primaryKey(change);
        LostCommit.Row located = change.kind() == LostCommit.Kind.INSERT ? change.after() : change.before();
        StringBuilder query = new StringBuilder("SELECT ").append(matches(change.before())).append(", ")
                .append(matches(change.after())).append(" FROM ").append(table(change)).append(" WHERE ")
                .append(equalities(key, " AND ")).append(" FOR UPDATE");
        List<String> values = new ArrayList<>();
        addValues(values, change.before());
        addValues(values, change.after());
        key.forEach(column -> values.add(located.value(column)));
        try (PreparedStatement lookup = writer.prepareStatement(query.toString())) {
            bind(lookup, values);
            try (ResultSet row = lookup.executeQuery()) {
                if (!row.next()) {
                    // no row: an insert applies, a delete is done already, an update finds its row deleted
                    return switch (change.kind()) {
                        case INSERT -> RowVerdict.APPLIES;
                        case DELETE -> RowVerdict.PRESENT;
                        default -> RowVerdict.CONFLICT;
                    };
                }
                if (row.getBoolean(1)) {
                    return RowVerdict.APPLIES;
                }
                return row.getBoolean(2) ? RowVerdict.PRESENT : RowVerdict.CONFLICT;
            }
        }
    }

    private void apply(LostCommit.Change change) throws SQLException {
        String table = table(change);
        List<String> values = new ArrayList<>();
        String statement = switch (change.kind()) {
            case INSERT -> {
                addValues(values, change.after());
                yield "INSERT INTO " + table + " (" + Identifiers.list(change.after().columns()) + ") OVERRIDING SYSTEM VALUE VALUES ("
                        + change.after().columns().stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
            }
            case UPDATE -> {
                addValues(values, change.after());
                primaryKey(change).forEach(column -> values.add(change.before().value(column)));
                yield "UPDATE " + table + " SET " + equalities(change.after().columns(), ", ") + " WHERE "
                        + equalities(primaryKey(change), " AND ");
            }
            default -> {
                primaryKey(change).forEach(column -> values.add(change.before().value(column)));
                yield "DELETE FROM " + table + " WHERE " + equalities(primaryKey(change), " AND ");
            }
        };
        try (PreparedStatement write = writer.prepareStatement(statement)) {
            bind(write, values);
            write.executeUpdate();
        }
    }

    /** The new writer's primary key of the table: the row a change is about. */
    private List<String> primaryKey(LostCommit.Change change) throws SQLException {
        List<String> key = primaryKeys.get(change.tableName());
        if (key == null) {
            key = new ArrayList<>();
            try (PreparedStatement query = writer.prepareStatement("SELECT a.attname FROM pg_index i "
                    + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                    + "WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)")) {
                query.setString(1, table(change));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        key.add(rows.getString(1));
                    }
                }
            }
            if (key.isEmpty()) {
                throw new Conflict(change.tableName() + " has no primary key on the new writer");
            }
            primaryKeys.put(change.tableName(), key);
        }
        return key;
    }

    /** "Every column is exactly this value" for a row image, or false where there is none. */
    private static String matches(LostCommit.Row row) {
        return row == null ? "false" : "(" + row.columns().stream().map(column -> Identifiers.quoted(column)
                + " IS NOT DISTINCT FROM ?").collect(Collectors.joining(" AND ")) + ")";
    }

    private static void addValues(List<String> values, LostCommit.Row row) {
        if (row != null) {
            values.addAll(row.values());
        }
    }

    private static String equalities(List<String> columns, String separator) {
        return columns.stream().map(column -> Identifiers.quoted(column) + " = ?").collect(Collectors.joining(separator));
    }

    /**
     * Values go in as the server wrote them, untyped, so the server reads each with its column's own type, as
     * replication's apply does.
     */
    private static void bind(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else {
                statement.setObject(i + 1, values.get(i), Types.OTHER);
            }
        }
    }

    /** Names come from the old writer's catalog; the driver quotes them as identifiers. */
    private static String table(LostCommit.Change change) {
        return Identifiers.table(change.tableName());
    }

    /** A lost commit that cannot be applied as it stands; a person decides. */
    private static final class Conflict extends RuntimeException {

        Conflict(String reason) {
            super(reason, null, false, false);
        }
    }
}
