package health.citadel.app.it;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.citadel.platform.jdbc.Statements;
import health.citadel.platform.migration.SchemaMigrations;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The application's database login holds exactly the rights of the grant matrix (the README's), in both regions,
 * and every statement beyond them is refused. A table nobody decided about fails here: it is not in the matrix.
 */
class LeastPrivilegeIT {

    private static final String APPLICATION = "citadel_app";
    private static final List<String> PRIVILEGES =
            List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");

    /** Each module table and what the application may do to it; UPDATE(columns) where only those may change. */
    private static final Map<String, String> MATRIX = Map.ofEntries(
            entry("audit.access_event", "SELECT, INSERT"),
            entry("audit.chain_link", "SELECT, INSERT"),
            entry("audit.chain_checkpoint", "SELECT, INSERT"),
            entry("audit.alert", "SELECT, INSERT"),
            entry("audit.alert_delivery_attempt", "SELECT, INSERT"),
            entry("audit.checkpoint_delivery_attempt", "SELECT, INSERT"),
            entry("identity.staff_member", "SELECT, INSERT, UPDATE(display_name, roles, seen_at)"),
            entry("identity.care_team_assignment", "SELECT, INSERT, UPDATE(ends_at)"),
            entry("identity.break_glass_grant",
                    "SELECT, INSERT, UPDATE(revoked_at, reviewed_at, reviewed_by, review_outcome, review_note)"),
            entry("identity.access_review_run", "SELECT, INSERT"),
            entry("identity.access_review_finding", "SELECT, INSERT"),
            entry("records.patient", "SELECT, INSERT, UPDATE"),
            entry("records.patient_key", "SELECT, INSERT, UPDATE(wrapped_key, destroyed_at)"),
            entry("records.chart_entry", "SELECT, INSERT, UPDATE"),
            entry("records.key_rotation", "SELECT, INSERT, UPDATE(finished_at, cursor, processed, skipped)"),
            entry("records.revision", "SELECT, INSERT"),
            entry("records.patient_history", "SELECT, INSERT, UPDATE(demographics)"),
            entry("records.chart_entry_history", "SELECT, INSERT, UPDATE(content)"),
            entry("records.erasure", "INSERT"),
            entry("dr.heartbeat", "SELECT, INSERT, UPDATE(beat_at)"),
            entry("dr.region", "SELECT"),
            entry("dr.topology", "SELECT"),
            entry("dr.operation", "SELECT, UPDATE(audited_at)"));

    @Test
    void everyTableGrantsTheApplicationExactlyItsRowOfTheMatrix() throws SQLException {
        for (String region : List.of("a", "b")) {
            try (Connection dba = Regions.dba(region)) {
                assertEquals(new TreeMap<>(MATRIX), granted(dba), "region " + region);
                assertEquals(List.of(), Statements.column(dba, "SELECT format('%I.%I', n.nspname, c.relname) "
                        + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?) "
                        + "AND CASE WHEN c.relkind = 'S' "
                        + "THEN has_sequence_privilege(?, c.oid, 'USAGE, SELECT, UPDATE') END",
                        schemas(dba), APPLICATION), "sequences the application may use in region " + region);
            }
        }
    }

    /** Outside its row of the matrix, SELECT, INSERT, UPDATE, DELETE and TRUNCATE are refused on every table. */
    @Test
    void everyStatementBeyondTheMatrixIsRefused() throws SQLException {
        try (Connection a = Regions.dba("a")) {
            a.setAutoCommit(false);
            for (Map.Entry<String, String> table : new TreeMap<>(MATRIX).entrySet()) {
                List<String> allowed = List.of(table.getValue().split(", "));
                for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
                    if (!allowed.contains(privilege)) {
                        assertRefused(a, statement(a, privilege, table.getKey()));
                    }
                }
            }
        }
    }

    /**
     * History's ciphertext column may be updated only while a data-key rotation re-encrypts it: at any other time
     * the application cannot rewrite a single stored version, though its grant names the column.
     */
    @Test
    void historyIsRewrittenOnlyByADataKeyRotation() throws SQLException {
        try (Connection a = Regions.dba("a")) {
            a.setAutoCommit(false);
            assertEquals(List.of(), Statements.column(a, "SELECT id::text FROM records.key_rotation WHERE kind = "
                    + "'DATA_KEYS' AND finished_at IS NULL"), "no data-key rotation is under way");
            assertRefused(a, "UPDATE records.patient_history SET demographics = demographics");
            assertRefused(a, "UPDATE records.chart_entry_history SET content = content");
        }
    }

    /** A statement that needs the privilege on the table and changes no row even where it is allowed. */
    private static String statement(Connection dba, String privilege, String table) throws SQLException {
        return switch (privilege) {
            case "SELECT" -> "SELECT 1 FROM " + table + " WHERE false";
            case "INSERT" -> "INSERT INTO " + table + " DEFAULT VALUES";
            case "UPDATE" -> {
                String column = columnNotToUpdate(dba, table);
                yield "UPDATE " + table + " SET " + column + " = " + column + " WHERE false";
            }
            case "DELETE" -> "DELETE FROM " + table + " WHERE false";
            default -> "TRUNCATE " + table;
        };
    }

    /** Runs the statement as the application, in a transaction rolled back whatever happens. */
    private static void assertRefused(Connection dba, String statement) throws SQLException {
        try {
            dba.createStatement().execute("SET LOCAL ROLE " + APPLICATION);
            SQLException refused = assertThrows(SQLException.class, () -> dba.createStatement().execute(statement),
                    statement);
            assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
        } finally {
            dba.rollback();
        }
    }

    /** The first column of the table the application may not update. */
    private static String columnNotToUpdate(Connection dba, String table) throws SQLException {
        return Statements.column(dba, "SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = ?::regclass "
                + "AND attnum > 0 AND NOT attisdropped AND NOT has_column_privilege(?, attrelid, attnum, 'UPDATE') "
                + "ORDER BY attnum", table, APPLICATION).get(0);
    }

    /** What the application may do to each table of the module schemas, written as the matrix writes it. */
    private static Map<String, String> granted(Connection dba) throws SQLException {
        Map<String, List<String>> rights = new TreeMap<>();
        try (PreparedStatement query = dba.prepareStatement("SELECT format('%I.%I', n.nspname, c.relname), "
                + "p.privilege, has_table_privilege(?, c.oid, p.privilege), CASE WHEN p.privilege IN ('SELECT', "
                + "'INSERT', 'UPDATE', 'REFERENCES') THEN array_to_string(ARRAY(SELECT a.attname FROM pg_attribute a "
                + "WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                + "AND has_column_privilege(?, c.oid, a.attnum, p.privilege) ORDER BY a.attnum), ', ') END "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, "
                + "unnest(?::text[]) WITH ORDINALITY AS p(privilege, position) "
                + "WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1, p.position")) {
            query.setString(1, APPLICATION);
            query.setString(2, APPLICATION);
            query.setArray(3, dba.createArrayOf("text", PRIVILEGES.toArray()));
            query.setArray(4, schemas(dba));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<String> table = rights.computeIfAbsent(rows.getString(1), name -> new ArrayList<>());
                    String columns = rows.getString(4);
                    if (rows.getBoolean(3)) {
                        table.add(rows.getString(2));
                    } else if (columns != null && !columns.isEmpty()) {
                        table.add(rows.getString(2) + "(" + columns + ")");
                    }
                }
            }
        }
        Map<String, String> granted = new TreeMap<>();
        rights.forEach((table, privileges) -> granted.put(table, String.join(", ", privileges)));
        return granted;
    }

    private static Array schemas(Connection dba) throws SQLException {
        return dba.createArrayOf("text", SchemaMigrations.MODULE_SCHEMAS.toArray());
    }
}
