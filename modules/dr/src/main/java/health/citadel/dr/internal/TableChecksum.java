package health.citadel.dr.internal;

import health.citadel.platform.jdbc.Statements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A table's row count and an order-independent checksum of every row's text: how {@code dr verify} compares the
 * regions, and how a restore proves it reproduced its backup.
 */
public record TableChecksum(long rows, String checksum) {

    public static TableChecksum of(Connection region, String table) throws SQLException {
        String[] parts = table.split("\\.", 2);
        // identifiers come from the catalog and are quoted by the server: format() with %I
        String query = Statements.column(region, "SELECT format('SELECT count(*), coalesce(md5(string_agg(md5(t::text), "
                + "'''' ORDER BY md5(t::text))), '''') FROM %I.%I t', ?, ?)", parts[0], parts[1]).get(0);
        try (PreparedStatement summary = region.prepareStatement(query); ResultSet row = summary.executeQuery()) {
            row.next();
            return new TableChecksum(row.getLong(1), row.getString(2));
        }
    }
}
