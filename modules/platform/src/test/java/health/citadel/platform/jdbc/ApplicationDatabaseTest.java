package health.citadel.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Each connection handle used to be admitted anew, two queries each, because Liberty wraps every handle afresh
 * and the check's cache never recognised one: a registration took a handle per audit event, per key and for
 * Hibernate. A transaction's handles share one physical connection, so it is admitted once.
 */
class ApplicationDatabaseTest {

    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final Map<Object, Object> transactionResources = new HashMap<>();
    private Object transactionKey;
    private boolean refuse;

    @Test
    void aTransactionsHandlesAreAdmittedOnce() throws SQLException {
        ApplicationDatabase database = database();
        transactionKey = "transaction 1";
        for (int handle = 0; handle < 3; handle++) {
            database.getConnection();
        }
        assertEquals(1, admitted.get());

        transactionKey = "transaction 2";
        transactionResources.clear();
        database.getConnection();
        assertEquals(2, admitted.get(), "the next transaction is admitted again");
    }

    @Test
    void withoutATransactionEveryHandleIsAdmitted() throws SQLException {
        ApplicationDatabase database = database();
        database.getConnection();
        database.getConnection();
        assertEquals(2, admitted.get());
    }

    @Test
    void aRefusedHandleIsClosedAndTheNextOneIsCheckedAgain() throws SQLException {
        ApplicationDatabase database = database();
        transactionKey = "transaction 1";
        refuse = true;
        assertThrows(SQLException.class, database::getConnection);
        assertEquals(1, closed.get());

        refuse = false;
        database.getConnection();
        database.getConnection();
        assertEquals(2, checked.get(), "checked again after the refusal, then no more in that transaction");
        assertEquals(1, admitted.get());
    }

    private ApplicationDatabase database() {
        ApplicationDatabase database = new ApplicationDatabase();
        database.pool = proxy(DataSource.class, (method, arguments) -> proxy(Connection.class, (call, none) -> {
            if (call.equals("close")) {
                closed.incrementAndGet();
            }
            return null;
        }));
        ConnectionAdmission admission = connection -> {
            checked.incrementAndGet();
            if (refuse) {
                throw new SQLException("stale region", "25006");
            }
            admitted.incrementAndGet();
        };
        database.admissionBeans = proxy(Instance.class, (method, arguments) -> List.of(admission).stream());
        database.resolveAdmissions();
        database.transaction = proxy(TransactionSynchronizationRegistry.class, (method, arguments) -> switch (method) {
            case "getTransactionKey" -> transactionKey;
            case "getResource" -> transactionResources.get(arguments[0]);
            case "putResource" -> transactionResources.put(arguments[0], arguments[1]);
            default -> throw new UnsupportedOperationException(method);
        });
        return database;
    }

    private interface Answer {
        Object answer(String method, Object[] arguments) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(ApplicationDatabaseTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> answer.answer(method.getName(), arguments));
    }
}
