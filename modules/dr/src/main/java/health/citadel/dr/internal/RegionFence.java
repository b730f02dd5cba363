package health.citadel.dr.internal;

import health.citadel.platform.jdbc.Statements;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the application out of a region that must not take writes: the standby, and a former writer. Two
 * fences, each enough alone: the application's logins start every transaction read-only (so pgJDBC's
 * {@code targetServerType=primary} passes the region by), and the application login loses USAGE on the module
 * schemas, so even a session that turns read-only off can neither read nor write a row. Run as a DBA.
 */
public final class RegionFence {

    static final List<String> MODULE_SCHEMAS = List.of("identity", "records", "audit", "dr");
    private static final Duration SESSIONS_GONE = Duration.ofSeconds(15);
    /** Sessions end within milliseconds of the signal: poll often, but do not hammer the region. */
    private static final Duration SESSION_POLL = Duration.ofMillis(2);

    private RegionFence() {
    }

    /**
     * Fences the region and ends the application's sessions there; returns once they are gone, so no commit of
     * theirs can land after whatever the caller writes next. The fence's statements commit together, so a new
     * session meets all of it or none, and the region flushes its log once, not once per statement.
     */
    public static void raise(Connection dba, ApplicationLogins logins) throws SQLException {
        Instant fencedAt = now(dba);
        inOneTransaction(dba, () -> {
            for (String role : logins.all()) {
                Statements.execute(dba, "ALTER ROLE %I IN DATABASE %I SET default_transaction_read_only = on", role,
                        dba.getCatalog());
            }
            for (String schema : existingSchemas(dba)) {
                Statements.execute(dba, "REVOKE USAGE ON SCHEMA %I FROM %I", schema, logins.app());
            }
        });
        try (PreparedStatement end = dba.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND usename = ANY (?)")) {
            end.setArray(1, dba.createArrayOf("text", logins.all().toArray()));
            end.executeQuery().close();
        }
        awaitSessionsGone(dba, logins, fencedAt);
    }

    /** Lets the application read and write the region again: only for the writer of the newest epoch. */
    public static void lift(Connection dba, ApplicationLogins logins) throws SQLException {
        inOneTransaction(dba, () -> {
            for (String schema : existingSchemas(dba)) {
                Statements.execute(dba, "GRANT USAGE ON SCHEMA %I TO %I", schema, logins.app());
            }
            for (String role : logins.all()) {
                Statements.execute(dba, "ALTER ROLE %I IN DATABASE %I RESET default_transaction_read_only", role,
                        dba.getCatalog());
            }
        });
    }

    @FunctionalInterface
    private interface FenceStatements {
        void run() throws SQLException;
    }

    /** In a transaction of their own, unless the caller has one open, which they then join. */
    private static void inOneTransaction(Connection dba, FenceStatements statements) throws SQLException {
        if (!dba.getAutoCommit()) {
            statements.run();
            return;
        }
        dba.setAutoCommit(false);
        try {
            statements.run();
            dba.commit();
        } catch (SQLException | RuntimeException e) {
            dba.rollback();
            throw e;
        } finally {
            dba.setAutoCommit(true);
        }
    }

    /** Whether the application login is kept out of the region by both fences. */
    public static boolean raised(Connection dba, ApplicationLogins logins) throws SQLException {
        boolean readOnly = Statements.exists(dba, "SELECT 1 FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole "
                + "WHERE r.rolname = ? AND s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND 'default_transaction_read_only=on' = ANY (s.setconfig)", logins.app());
        boolean noUsage = Statements.column(dba, "SELECT n.nspname FROM pg_namespace n WHERE n.nspname = ANY (?) "
                + "AND has_schema_privilege(?, n.oid, 'USAGE')", schemasArray(dba), logins.app()).isEmpty();
        return readOnly && noUsage;
    }

    private static List<String> existingSchemas(Connection dba) throws SQLException {
        return Statements.column(dba, "SELECT nspname FROM pg_namespace WHERE nspname = ANY (?) ORDER BY nspname",
                schemasArray(dba));
    }

    private static Array schemasArray(Connection dba) throws SQLException {
        return dba.createArrayOf("text", MODULE_SCHEMAS.toArray());
    }

    private static void awaitSessionsGone(Connection dba, ApplicationLogins logins, Instant fencedAt)
            throws SQLException {
        Instant deadline = Instant.now().plus(SESSIONS_GONE);
        try (PreparedStatement left = dba.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND usename = ANY (?) AND backend_start <= ?")) {
            left.setArray(1, dba.createArrayOf("text", logins.all().toArray()));
            left.setTimestamp(2, Timestamp.from(fencedAt));
            while (true) {
                try (ResultSet row = left.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new SQLException("the application's sessions did not end within " + SESSIONS_GONE.toSeconds()
                            + " s of the fence");
                }
                try {
                    Thread.sleep(SESSION_POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while the application's sessions were ending", e);
                }
            }
        }
    }

    static Instant now(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT clock_timestamp()");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }
}
