package health.citadel.dr.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Logical replication carries rows, not sequences: on the standby they stand where they started. A region
 * about to take writes moves each module sequence past every value the rows it holds use, past the old
 * writer's own position where that can still be read, and past a gap where it cannot, so commits that never
 * arrived (and that a salvage may bring back) keep their keys.
 */
public final class Sequences {

    private record OwnedSequence(String sequence, String table, String column) {
    }

    private Sequences() {
    }

    /**
     * @param oldWriter the previous writer, or null where it is lost
     * @param gap       added above the highest value known
     * @return how many sequences were moved
     */
    public static int bringForward(Connection newWriter, Connection oldWriter, long gap) throws SQLException {
        List<OwnedSequence> sequences = owned(newWriter);
        for (OwnedSequence sequence : sequences) {
            long highest = highestUsed(newWriter, sequence);
            if (oldWriter != null) {
                highest = Math.max(highest, lastValue(oldWriter, sequence.sequence()));
            }
            try (PreparedStatement move = newWriter.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                move.setString(1, sequence.sequence());
                move.setLong(2, Math.max(1, highest + gap));
                move.executeQuery().close();
            }
        }
        return sequences.size();
    }

    private static List<OwnedSequence> owned(Connection connection) throws SQLException {
        List<OwnedSequence> sequences = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT format('%I.%I', sn.nspname, s.relname), "
                + "format('%I.%I', tn.nspname, t.relname), quote_ident(a.attname) FROM pg_depend d "
                + "JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_namespace sn ON sn.oid = s.relnamespace "
                + "JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace "
                + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
                + "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass "
                + "AND d.deptype IN ('a', 'i') AND tn.nspname = ANY (?) ORDER BY 1");) {
            query.setArray(1, connection.createArrayOf("text", Replication.PUBLISHED_SCHEMAS.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sequences.add(new OwnedSequence(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return sequences;
    }

    private static long highestUsed(Connection connection, OwnedSequence sequence) throws SQLException {
        // table and column come from the catalog, quoted by the server above
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT coalesce(max(" + sequence.column() + "), 0) FROM " + sequence.table());
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long lastValue(Connection connection, String sequence) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT coalesce(last_value, 0) FROM pg_sequences WHERE format('%I.%I', schemaname, sequencename) = ?")) {
            query.setString(1, sequence);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
