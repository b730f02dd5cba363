package health.citadel.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements on one connection for administration (the launcher's set-up, DR operations), failing with the
 * driver's {@link SQLException}. DDL takes no bind parameters, so {@link #execute} binds identifiers and
 * literals to the server's {@code format()}, which quotes them ({@code %I}, {@code %L}); nothing is
 * concatenated here.
 */
public final class Statements {

    private Statements() {
    }

    public static void execute(Connection connection, String template, Object... arguments) throws SQLException {
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
    public static List<String> column(Connection connection, String query, Object... parameters) throws SQLException {
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

    public static boolean exists(Connection connection, String query, Object... parameters) throws SQLException {
        return !column(connection, query, parameters).isEmpty();
    }
}
