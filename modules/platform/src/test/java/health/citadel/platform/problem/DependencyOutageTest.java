package health.citadel.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DependencyOutageTest {

    @Test
    void aConnectionFailureDeepInTheCausesIsAnOutage() {
        Exception wrapped = new IllegalStateException("transaction failed",
                new RuntimeException("could not open", new SQLException("refused", "08001")));

        assertTrue(DependencyOutage.causedBy(wrapped));
    }

    @Test
    void aShutdownAPoolTimeoutAndAFencedRegionAreOutages() {
        assertTrue(DependencyOutage.causedBy(new SQLException("terminating", "57P01")));
        assertTrue(DependencyOutage.causedBy(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(DependencyOutage.causedBy(new SQLException("read-only transaction", "25006")));
        assertTrue(DependencyOutage.causedBy(new IllegalStateException("cannot write",
                new SQLException("ERROR: permission denied for schema audit", "42501"))));
        assertTrue(DependencyOutage.causedBy(new javax.transaction.xa.XAException(
                javax.transaction.xa.XAException.XAER_RMFAIL)));
    }

    @Test
    void aCommitTheDatabaseAnsweredWithAnErrorIsDecidedByItsSqlState() {
        // PostgreSQL's driver reports every failed one-phase commit as XAER_RMFAIL, a class 23 error as XA_RBINTEGRITY
        assertFalse(DependencyOutage.causedBy(new IllegalStateException("commit failed",
                commitFailure(XAException.XAER_RMFAIL, new SQLException("a trigger raised", "P0001")))));
        assertFalse(DependencyOutage.causedBy(commitFailure(XAException.XA_RBINTEGRITY,
                new SQLException("ERROR: a deferred check failed", "23514"))));
        assertTrue(DependencyOutage.causedBy(commitFailure(XAException.XAER_RMFAIL,
                new SQLException("An I/O error occurred while sending to the backend", "08006"))));
        assertTrue(DependencyOutage.causedBy(commitFailure(XAException.XAER_RMFAIL,
                new SQLException("terminating connection due to administrator command", "57P01"))));
    }

    @Test
    void aBugIsNoOutage() {
        assertFalse(DependencyOutage.causedBy(new NullPointerException()));
        assertFalse(DependencyOutage.causedBy(new SQLException("syntax error", "42601")));
        assertFalse(DependencyOutage.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DependencyOutage.causedBy(new SQLException("ERROR: permission denied for table patient", "42501")));
    }

    private static XAException commitFailure(int errorCode, SQLException answer) {
        XAException failure = new XAException(errorCode);
        failure.initCause(answer);
        return failure;
    }
}
