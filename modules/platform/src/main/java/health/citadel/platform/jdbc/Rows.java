package health.citadel.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain-JDBC reads and writes with bind parameters only. A failure names the table and the SQLState, never
 * the statement's values, because those may be personal data.
 */
public final class Rows {

    /** Reads one result row into a value. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Rows() {
    }

    /** Runs an INSERT, UPDATE or DELETE on {@code table}; returns the number of rows changed. */
    public static int update(DataSource database, String table, String sql, Object... values) {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = prepare(connection, sql, values)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + table + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    public static <T> List<T> query(DataSource database, String table, String sql, Reader<T> reader,
                                    Object... values) {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = prepare(connection, sql, values);
             ResultSet rows = statement.executeQuery()) {
            List<T> read = new ArrayList<>();
            while (rows.next()) {
                read.add(reader.read(rows));
            }
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + table + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Binds each value in order; an {@link Instant} binds as a timestamp, which the driver cannot do itself. */
    public static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Instant instant ? Timestamp.from(instant) : values[i];
            statement.setObject(i + 1, value);
        }
        return statement;
    }

    /** A {@code timestamptz} column as an instant, or null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
