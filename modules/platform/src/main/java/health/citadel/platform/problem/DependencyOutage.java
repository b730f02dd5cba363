package health.citadel.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a failure of a dependency from a bug: the database not answering, shutting down or refusing connections,
 * or the region fenced under the request (read-only, its schemas closed) by a switchover or failover. A client can retry
 * these, so they answer 503 with {@code Retry-After}; everything else stays a 500 with an incident id.
 */
final class DependencyOutage {

    /** Hibernate's wrapper of a failed connection; platform does not depend on Hibernate, so it is named. */
    private static final String HIBERNATE_CONNECTION_FAILURE = "org.hibernate.exception.JDBCConnectionException";
    /** SQLSTATE class 08 and these: admin, crash and start-up shutdown, too many connections, read-only. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "25006");

    private DependencyOutage() {
    }

    /** Whether {@code failure}, or anything that caused it, is a dependency's outage. */
    static boolean causedBy(Throwable failure) {
        return Causes.of(failure).stream().anyMatch(DependencyOutage::outage);
    }

    private static boolean outage(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || HIBERNATE_CONNECTION_FAILURE.equals(failure.getClass().getName())) {
            return true;
        }
        if (failure instanceof XAException xa) {
            // the transaction manager lost the database: its connection broke, or the commit's answer never came.
            // PostgreSQL's driver also reports an error the database answered a commit with (a deferred constraint
            // or trigger failing) as XAER_RMFAIL: then that answer's SQLState, further down the causes, decides
            return (xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL)
                    && !answered(xa);
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState())
                    || fencedSchema(sql);
        }
        return false;
    }

    /** Whether a cause of the XA failure is the database's own answer: an SQL error with its SQLState. */
    private static boolean answered(XAException xa) {
        return Causes.of(xa.getCause()).stream()
                .anyMatch(cause -> cause instanceof SQLException sql && sql.getSQLState() != null);
    }

    /**
     * The application's login holds USAGE on every module schema except where a fence took it (a standby, or the
     * writer during a switchover), so losing it mid-request means the region was fenced under the request. A
     * missing table grant is a bug and stays one.
     */
    private static boolean fencedSchema(SQLException sql) {
        return "42501".equals(sql.getSQLState()) && sql.getMessage() != null
                && sql.getMessage().contains("permission denied for schema");
    }
}
