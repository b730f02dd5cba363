package health.citadel.app.it;

import health.citadel.platform.jdbc.Statements;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
        return Statements.column(connection, query, (Object[]) parameters);
    }
}
