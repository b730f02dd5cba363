package planted;

import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Planted: a line read from outside concatenated into SQL (SQL_NONCONSTANT_STRING_PASSED_TO_EXECUTE, high). */
public final class PatientLookup {

    private PatientLookup() {
    }

    public static ResultSet byName(Connection connection, BufferedReader input) throws IOException, SQLException {
        String name = input.readLine();
        Statement statement = connection.createStatement();
        return statement.executeQuery("SELECT id FROM patient WHERE name = '" + name + "'");
    }
}
