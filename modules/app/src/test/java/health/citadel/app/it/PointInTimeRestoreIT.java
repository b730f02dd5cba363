package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The point-in-time drill: a base backup of the writer, patient P1 registered, the moment T noted, P2 registered,
 * a patient erased, then P1's row deleted by a superuser, a bad DELETE that replicates to the standby at once.
 * A restore to T into a new cluster brings P1 back as it was, without P2, with the erasure made after T replayed,
 * and an audit chain that verifies; P1's row copied back into the writer reads and decrypts as registered.
 */
class PointInTimeRestoreIT {

    private static final String ROW = "SELECT t::text FROM records.patient t WHERE id = ?::uuid";
    private static final String KEY = "SELECT t::text FROM records.patient_key t WHERE patient_id = ?::uuid";

    @Test
    void aRestoreToTheMomentBeforeABadDeleteBringsThePatientBack() throws Exception {
        String writer = writer();
        CitadelCli.Result base = CitadelCli.run("dr", "base-backup", "--json");
        assertEquals(0, base.exitCode(), base.output());
        assertEquals(writer, base.json().get("region").asText(), base.output());

        UUID erasedAfterT = Patients.register(Patients.Canary.fresh(), "1951-05-05", false);
        Patients.Canary p1Canary = Patients.Canary.fresh();
        UUID p1 = Patients.register(p1Canary, "1952-06-06", false);
        String p1Row;
        String p1Key;
        Instant t;
        try (Connection live = Regions.dba(writer)) {
            p1Row = Regions.strings(live, ROW, p1.toString()).get(0);
            p1Key = Regions.strings(live, KEY, p1.toString()).get(0);
            t = Instant.parse(Regions.strings(live, "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')").get(0));
        }
        UUID p2 = Patients.register(Patients.Canary.fresh(), "1953-07-07", false);
        assertEquals(200, as(Tokens.of("admin.alan")).post(patient(erasedAfterT) + "/erase")
                .json(object("reason", "GDPR article 17 request")).statusCode());
        try (Connection live = Regions.dba(writer)) {
            live.setAutoCommit(false);
            live.createStatement().execute("SET LOCAL session_replication_role = replica");
            try (var delete = live.prepareStatement("DELETE FROM records.patient WHERE id = ?::uuid")) {
                delete.setString(1, p1.toString());
                assertEquals(1, delete.executeUpdate());
            }
            live.commit();
        }
        try (Connection standby = Regions.dba(standby(writer))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Regions.strings(standby, ROW, p1.toString()).isEmpty());
        }

        Path into = Stack.get().home().resolve("pitr-drill-" + UUID.randomUUID());
        CitadelCli.Result restore = CitadelCli.run("dr", "restore", "--to", t.toString(), "--into", into.toString(),
                "--port", String.valueOf(freePort()), "--json");
        try {
            assertEquals(0, restore.exitCode(), restore.output());
            JsonNode report = restore.json();
            assertEquals(writer, report.get("region").asText());
            assertTrue(report.get("erasuresReplayed").asInt() >= 1, "the erasure after T is replayed: " + report);
            JsonNode login = Stack.get().descriptor().at("/regions/" + writer);
            String url = login.get("jdbcUrl").asText().replaceFirst(":\\d+/", ":" + report.get("port").asInt() + "/");
            try (Connection restored = DriverManager.getConnection(url, login.get("dbaUser").asText(),
                    login.get("dbaPassword").asText())) {
                // the same ciphertext and the same wrapped data key: it decrypts with the keyset it always did
                assertEquals(List.of(p1Row), Regions.strings(restored, ROW, p1.toString()), "P1 is back as it was");
                assertEquals(List.of(p1Key), Regions.strings(restored, KEY, p1.toString()), "with its data key");
                assertEquals(List.of(), Regions.strings(restored, ROW, p2.toString()), "P2 came after T");
                assertEquals(List.of("true"), Regions.strings(restored, "SELECT (wrapped_key IS NULL AND destroyed_at "
                        + "IS NOT NULL)::text FROM records.patient_key WHERE patient_id = ?::uuid",
                        erasedAfterT.toString()), "a patient erased after T stays erased");
                assertEquals(List.of(), Regions.strings(restored, "SELECT subname FROM pg_subscription"),
                        "the copy takes no change from the pair");
            }
            // the DBA copies the lost row back from the copy into the writer, and the front desk reads it again
            String lost;
            try (Connection restored = DriverManager.getConnection(url, login.get("dbaUser").asText(),
                    login.get("dbaPassword").asText())) {
                lost = Regions.strings(restored, "SELECT row_to_json(t)::text FROM records.patient t WHERE id = ?::uuid",
                        p1.toString()).get(0);
            }
            try (Connection live = Regions.dba(writer)) {
                assertEquals(List.of(p1.toString()), Regions.strings(live, "INSERT INTO records.patient SELECT * FROM "
                        + "json_populate_record(NULL::records.patient, ?::json) RETURNING id::text", lost));
            }
            HttpResponse<String> back = as(Tokens.of("front.desk")).get(patient(p1)).send();
            assertEquals(200, back.statusCode(), "P1 decrypts with the keys it always had");
            assertTrue(back.body().contains(p1Canary.family()), "its demographics read as registered");
            CitadelCli.Result audit = CitadelCli.run(Map.of("CITADEL_AUDIT_JDBC_URL", url,
                    "CITADEL_AUDIT_DB_USER", login.get("dbaUser").asText(),
                    "CITADEL_AUDIT_DB_PASSWORD", login.get("dbaPassword").asText(),
                    "CITADEL_AUDIT_PUBLIC_KEYSET", Stack.get().descriptor().at("/audit/publicKeyset").asText(),
                    "CITADEL_AUDIT_WITNESS", "none"), "audit", "verify", "--json");
            assertEquals(0, audit.exitCode(), "the audit chain as of T verifies: " + audit.output());
            assertTrue(audit.json().get("ok").asBoolean(), audit.output());
        } finally {
            stop(into);
        }
    }

    private static String writer() {
        JsonNode regions = Stack.get().descriptor().get("regions");
        return regions.get("a").get("role").asText().equals("writer") ? "a" : "b";
    }

    private static String standby(String writer) {
        return writer.equals("a") ? "b" : "a";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM to the recovered cluster's postmaster, which shuts down once no session is left; then its files. */
    private static void stop(Path data) throws Exception {
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                postmaster.destroy();
                await().atMost(Duration.ofSeconds(60)).until(() -> !postmaster.isAlive());
            });
        }
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
