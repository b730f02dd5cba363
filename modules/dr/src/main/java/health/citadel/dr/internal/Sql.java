package health.citadel.dr.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DR operations' statements. DDL takes no bind parameters, so identifiers and literals are bound to the
 * server's {@code format()} and quoted there ({@code %I}, {@code %L}), never concatenated here.
 */
final class Sql {

    private Sql() {
    }

    static void execute(Connection connection, String template, Object... arguments) throws SQLException {
        String statementText;
        StringBuilder call = new StringBuilder("SELECT format(?");
        for (int i = 0; i < arguments.length; i++) {
            call.append(", ?");
        }
        try (PreparedStatement format = connection.prepareStatement(call.append(")").toString())) {
            format.setString(1, template);
            for (int i = 0; i < arguments.length; i++) {
                format.setString(i + 2, String.valueOf(arguments[i]));
            }
            try (ResultSet row = format.executeQuery()) {
                row.next();
                statementText = row.getString(1);
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute(statementText);
        }
    }

    /** The first column of each row of a parameterised query. */
    static List<String> column(Connection connection, String query, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    static boolean exists(Connection connection, String query, Object... parameters) throws SQLException {
        return !column(connection, query, parameters).isEmpty();
    }
}
