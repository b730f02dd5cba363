package health.citadel.app.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** DBA connections to the stack's two regions, as {@code stack.json} describes them. */
final class Regions {

    private Regions() {
    }

    static Connection dba(String region) throws SQLException {
        var entry = Stack.get().descriptor().at("/regions/" + region);
        return DriverManager.getConnection(entry.get("jdbcUrl").asText(), entry.get("dbaUser").asText(),
                entry.get("dbaPassword").asText());
    }

    static List<String> strings(Connection connection, String query, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
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
}
