package health.citadel.app.it;

import static health.citadel.app.it.Patients.change;
import static health.citadel.app.it.Patients.heartRate;
import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.citadel.platform.jdbc.Statements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A record, its Envers revision and its audit event commit together or not at all, proven by failures injected
 * into real requests on the real stack. A DBA connection plants a test-only trigger that fails exactly one marked
 * request (by its {@code X-Request-Id}), and drops it afterwards whatever happened:
 *
 * <ul>
 *   <li>the audit event refused as it is inserted: the service writes it before Hibernate flushes the change, so
 *       this proves the change is abandoned rather than committed unaudited;</li>
 *   <li>the audit event refused at commit (a deferred constraint trigger on {@code audit.access_event}), when the
 *       chart entry and its revision have already been written;</li>
 *   <li>a deferred constraint on the patient's own row failing at commit, every statement having succeeded: on a
 *       change of demographics and on a registration.</li>
 * </ul>
 *
 * The deferred triggers count, before they raise, the history rows of the request's revision that the failing
 * transaction itself sees, in a sequence (sequences ignore rollback): so each test knows the record and its
 * revision were written, and then finds none of it. Each answer must be a 500 problem whose only detail is an
 * incident id, which the log has: a refused write is a bug on our side, which a retry does not cure, so neither a
 * dependency's outage (503 with Retry-After) nor the client's fault (4xx). Each injected request is then sent
 * again without the trigger and succeeds, so the failure was the injected one.
 */
class AtomicityIT {

    private static final String PATIENTS = Patients.PATIENTS;
    private static final ObjectNode OBSERVATION = object("content", heartRate(72, "2026-03-01T10:00:00Z"));
    /** Everything injected lives here, so that one DROP SCHEMA ... CASCADE takes it all away. */
    private static final String SCHEMA = "atomicity_probe";
    private static final String PATIENTS_AND_KEYS = "SELECT (SELECT count(*) FROM records.patient) || ' ' || "
            + "(SELECT count(*) FROM records.patient_key)";
    private static final String INCIDENT = "incident [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final Stack stack = Stack.get();

    @Test
    void anAuditEventThatCannotBeWrittenLeavesThePatientAsItWas() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID patient = Patients.register(canary, "1971-01-01", false);
        String desk = Tokens.of("front.desk");
        String before = recordState(patient);
        String marked = markedRequestId();

        HttpResponse<String> failed;
        try (Injection injection = Injection.plant(marked)) {
            injection.execute("CREATE TRIGGER %I BEFORE INSERT ON audit.access_event FOR EACH ROW "
                    + "WHEN (NEW.request_id = %L) EXECUTE FUNCTION %I.refuse_event(%L, 'P0001')",
                    injection.trigger(), marked, SCHEMA, marked);
            failed = changeTelephone(desk, patient, canary, 0, marked);
        }

        assertBugAnswered(failed, marked, canary);
        assertNothingOf(marked);
        assertUnchangedAndChangeableAgain(patient, before, desk, canary);
    }

    @Test
    void anAuditEventRefusedAtCommitTakesTheWrittenChartEntryAndItsRevisionWithIt() throws Exception {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1972-02-02", false);
        Patients.assignCareTeam("dr.house", patient);
        String physician = Tokens.of("dr.house");
        String observations = patient(patient) + "/observations";
        String marked = markedRequestId();

        HttpResponse<String> failed;
        long writtenBeforeTheFailure;
        try (Injection injection = Injection.plant(marked)) {
            injection.execute("CREATE CONSTRAINT TRIGGER %I AFTER INSERT ON audit.access_event "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.request_id = %L) "
                    + "EXECUTE FUNCTION %I.refuse_event(%L, 'P0001')", injection.trigger(), marked, SCHEMA, marked);
            failed = as(physician).post(observations).header("X-Request-Id", marked).json(OBSERVATION);
            writtenBeforeTheFailure = injection.historyRowsSeen();
        }

        assertEquals(1, writtenBeforeTheFailure, "the entry's revision was written before the commit failed");
        assertBugAnswered(failed, marked, null);
        assertNothingOf(marked);
        assertEquals("0", scalar("SELECT count(*) FROM records.chart_entry WHERE patient_id = ?", patient),
                "no entry");
        assertEquals("0", scalar("SELECT count(*) FROM records.chart_entry_history WHERE patient_id = ?", patient),
                "no entry in history");

        HttpResponse<String> retried = as(physician).post(observations).json(OBSERVATION);
        assertEquals(201, retried.statusCode(), retried.body());
    }

    @Test
    void aDeferredConstraintFailingAtCommitLeavesThePatientAsItWas() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID patient = Patients.register(canary, "1973-03-03", false);
        String desk = Tokens.of("front.desk");
        String before = recordState(patient);
        String marked = markedRequestId();

        HttpResponse<String> failed;
        long writtenBeforeTheFailure;
        try (Injection injection = Injection.plant(marked)) {
            refusePatientRowAtCommit(injection, marked);
            failed = changeTelephone(desk, patient, canary, 0, marked);
            writtenBeforeTheFailure = injection.historyRowsSeen();
        }

        assertEquals(1, writtenBeforeTheFailure, "the change's revision was written before the commit failed");
        assertBugAnswered(failed, marked, canary);
        assertNothingOf(marked);
        assertUnchangedAndChangeableAgain(patient, before, desk, canary);
    }

    @Test
    void aRegistrationFailingAtCommitLeavesNoPatient() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        String desk = Tokens.of("front.desk");
        String patientsBefore = scalar(PATIENTS_AND_KEYS);
        String marked = markedRequestId();

        HttpResponse<String> failed;
        long writtenBeforeTheFailure;
        try (Injection injection = Injection.plant(marked)) {
            refusePatientRowAtCommit(injection, marked);
            failed = as(desk).post(PATIENTS).header("X-Request-Id", marked)
                    .json(canary.registration("1974-04-04", false));
            writtenBeforeTheFailure = injection.historyRowsSeen();
        }

        assertEquals(1, writtenBeforeTheFailure, "the patient's first revision was written before the commit failed");
        assertBugAnswered(failed, marked, canary);
        assertNothingOf(marked);
        assertEquals(patientsBefore, scalar(PATIENTS_AND_KEYS), "no patient and no data key");

        HttpResponse<String> retried = as(desk).post(PATIENTS).json(canary.registration("1974-04-04", false));
        assertEquals(201, retried.statusCode(), "the MRN is free: " + retried.body());
    }

    /**
     * A 500 problem that says nothing but its incident id (no SQL, no SQLState, no trigger, constraint or value),
     * with that id in Liberty's log; and for the marked request, so that the trigger failed the one it meant to.
     */
    /** A deferred constraint on the patient's row failing the marked request at commit, after every statement. */
    private static void refusePatientRowAtCommit(Injection injection, String marked) throws SQLException {
        // a constraint's own SQLState (check_violation), as a deferred foreign key or check would fail
        injection.execute("CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE ON records.patient "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION %I.refuse_record(%L, '23514')",
                injection.trigger(), SCHEMA, marked);
    }

    /** The patient's row and version as before, its registration the one revision, and version 0 still current. */
    private void assertUnchangedAndChangeableAgain(UUID patient, String before, String desk, Patients.Canary canary)
            throws Exception {
        assertEquals(before, recordState(patient), "the patient's row and version unchanged");
        assertEquals("1", scalar("SELECT count(*) FROM records.patient_history WHERE id = ?", patient),
                "only the registration's revision");

        HttpResponse<String> retried = changeTelephone(desk, patient, canary, 0, markedRequestId());
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals("\"1\"", retried.headers().firstValue("ETag").orElseThrow(), "version 0 was still current");
    }

    private void assertBugAnswered(HttpResponse<String> answer, String marked, Patients.Canary canary) {
        assertEquals(500, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(answer.headers().firstValue("Retry-After").isPresent(), "a bug, not an outage to wait out");
        assertEquals(marked, answer.headers().firstValue("X-Request-Id").orElseThrow());
        JsonNode problem = Stack.json(answer);
        assertEquals(500, problem.get("status").asInt());
        assertEquals("Internal Server Error", problem.get("title").asText());
        String detail = problem.get("detail").asText();
        assertTrue(detail.matches(INCIDENT), detail);
        for (String secret : List.of(SCHEMA, "refuse", "injected", "23514", "P0001", "SQL", "access_event",
                "patient", "chart_entry", "revision", marked)) {
            assertFalse(answer.body().contains(secret), secret + " in " + answer.body());
        }
        if (canary != null) {
            for (String value : canary.values()) {
                assertFalse(answer.body().contains(value), "a value of the patient in " + answer.body());
            }
        }
        Path log = stack.home().resolve("logs/liberty/messages.log");
        Awaitility.await("the incident in the log").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> read(log).contains(detail));
    }

    /** No audit event, revision or history row of the request remains. */
    private static void assertNothingOf(String requestId) throws SQLException {
        try (Connection a = Regions.dba("a")) {
            assertEquals(List.of(), Regions.strings(a, "SELECT action FROM audit.access_event WHERE request_id = ?",
                    requestId), "no audit event of the request");
            assertEquals(List.of(), Regions.strings(a, "SELECT id::text FROM records.revision WHERE request_id = ?",
                    requestId), "no revision of the request");
            assertEquals(List.of("0"), Regions.strings(a, "SELECT (SELECT count(*) FROM records.patient_history h "
                    + "JOIN records.revision r ON r.id = h.rev WHERE r.request_id = ?) + (SELECT count(*) FROM "
                    + "records.chart_entry_history h JOIN records.revision r ON r.id = h.rev WHERE r.request_id = ?)",
                    requestId, requestId), "no history row of the request");
        }
    }

    /** The front desk's change of the telephone number at the version given, under the request id given. */
    private HttpResponse<String> changeTelephone(String token, UUID patient, Patients.Canary canary, long version,
                                                 String requestId) {
        return as(token).put(patient(patient)).ifMatch(version).header("X-Request-Id", requestId).json(
                change(canary.demographics("1970-07-07").put("phone", "+1 555 0142"), false, "new telephone number"));
    }

    /** The patient's row as stored: its version and a digest of every column that changes. */
    private static String recordState(UUID patient) throws SQLException {
        return scalar("SELECT version || ' ' || md5(demographics) || ' ' || restricted || ' ' || retired || ' ' "
                + "|| updated_at FROM records.patient WHERE id = ?", patient);
    }

    private static String scalar(String query, Object... parameters) throws SQLException {
        try (Connection a = Regions.dba("a")) {
            List<String> values = Statements.column(a, query, parameters);
            assertEquals(1, values.size(), query);
            return values.get(0);
        }
    }

    private static String markedRequestId() {
        return UUID.randomUUID().toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test-only schema: two trigger functions that fail the marked request and, first, count in a sequence the
     * history rows of its revision that the failing transaction sees. Closing drops the schema with every trigger
     * on its functions, so that no other test meets them.
     */
    private static final class Injection implements AutoCloseable {

        private final Connection dba;
        private final String trigger;

        private Injection(Connection dba, String trigger) {
            this.dba = dba;
            this.trigger = trigger;
        }

        static Injection plant(String marked) throws SQLException {
            Connection dba = Regions.dba("a");
            Injection injection = new Injection(dba, "atomicity_" + marked.substring(marked.length() - 12));
            try {
                injection.execute("DROP SCHEMA IF EXISTS %I CASCADE", SCHEMA);
                injection.execute("CREATE SCHEMA %I", SCHEMA);
                injection.execute("CREATE SEQUENCE %I.history_seen MINVALUE 0 START 0", SCHEMA);
                // SECURITY DEFINER: it runs as the DBA, for the application's login may not read the revisions' rows
                // with their history nor set a sequence; the schema is the DBA's alone
                injection.execute("CREATE FUNCTION %1$I.probe(request_id text) RETURNS void LANGUAGE sql "
                        + "SECURITY DEFINER SET search_path = pg_catalog AS $$ SELECT setval('%1$I.history_seen', "
                        + "(SELECT count(*) FROM records.patient_history h JOIN records.revision r ON r.id = h.rev "
                        + "WHERE r.request_id = $1) + (SELECT count(*) FROM records.chart_entry_history h "
                        + "JOIN records.revision r ON r.id = h.rev WHERE r.request_id = $1), true) $$", SCHEMA);
                injection.execute("CREATE FUNCTION %1$I.refuse_event() RETURNS trigger LANGUAGE plpgsql "
                        + "SECURITY DEFINER SET search_path = pg_catalog AS $$ BEGIN "
                        + "PERFORM %1$I.probe(TG_ARGV[0]); "
                        + "RAISE EXCEPTION 'injected failure of the audit event' USING ERRCODE = TG_ARGV[1]; "
                        + "END $$", SCHEMA);
                injection.execute("CREATE FUNCTION %1$I.refuse_record() RETURNS trigger LANGUAGE plpgsql "
                        + "SECURITY DEFINER SET search_path = pg_catalog AS $$ BEGIN "
                        + "IF EXISTS (SELECT 1 FROM audit.access_event WHERE request_id = TG_ARGV[0]) THEN "
                        + "PERFORM %1$I.probe(TG_ARGV[0]); "
                        + "RAISE EXCEPTION 'injected failure of the record' USING ERRCODE = TG_ARGV[1]; "
                        + "END IF; RETURN NULL; END $$", SCHEMA);
                return injection;
            } catch (SQLException | RuntimeException e) {
                injection.close();
                throw e;
            }
        }

        String trigger() {
            return trigger;
        }

        void execute(String template, Object... arguments) throws SQLException {
            Statements.execute(dba, template, arguments);
        }

        /** What the last failing transaction saw of its revision's history rows before it raised. */
        long historyRowsSeen() throws SQLException {
            return Long.parseLong(Statements.column(dba, "SELECT last_value FROM " + SCHEMA + ".history_seen").get(0));
        }

        /** Drops every trigger with the functions they call; runs whatever the test did. */
        @Override
        public void close() throws SQLException {
            try {
                execute("DROP TRIGGER IF EXISTS %I ON audit.access_event", trigger);
                execute("DROP TRIGGER IF EXISTS %I ON records.patient", trigger);
                execute("DROP SCHEMA IF EXISTS %I CASCADE", SCHEMA);
            } finally {
                dba.close();
            }
        }
    }
}
