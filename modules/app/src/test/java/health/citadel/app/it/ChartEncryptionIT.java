package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a DBA sees of the chart: ciphertext bound to its row, and no value in clear, history included. */
class ChartEncryptionIT {

    @Test
    void aSuperuserReadingEveryRecordsTableFindsNoCanaryInClear() throws Exception {
        Patients.Canary canary = Patients.Canary.fresh();
        UUID id = Patients.register(canary, "1969-07-20", false);
        assertEquals(200, Patients.restrict(Tokens.of("admin.alan"), id, true).statusCode(), "flagged as an employee");
        Patients.assignCareTeam("dr.house", id);
        String note = canary.contact() + " reports chest pain";
        assertEquals(201, as(Tokens.of("dr.house")).post(patient(id) + "/notes")
                .json(object("content", object("type", "PROGRESS", "text", note))).statusCode());

        try (Connection a = Regions.dba("a")) {
            List<String> tables = Regions.strings(a, "SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'records' ORDER BY table_name");
            assertTrue(tables.containsAll(List.of("patient", "patient_history", "patient_key", "revision", "chart_entry",
                    "chart_entry_history")), tables.toString());
            List<String> everything = new ArrayList<>();
            for (String table : tables) {
                // the table names come from the catalogue, not from input
                everything.addAll(Regions.strings(a, "SELECT t::text FROM records." + table + " t"));
            }
            String dump = String.join("\n", everything);
            assertTrue(dump.contains(id.toString()), "the rows are there");
            String lowerDump = dump.toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>(List.of(canary.values()));
            values.add(note);
            for (String value : values) {
                assertFalse(lowerDump.contains(value.toLowerCase(Locale.ROOT)), "in clear: a canary value");
                // bytea prints as hex, so a value stored unencrypted would show as its UTF-8 bytes in hex
                assertFalse(lowerDump.contains(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8))),
                        "in clear, as bytes: a canary value");
            }
            assertEquals(List.of("2"), Regions.strings(a, "SELECT count(*) FROM records.patient_history WHERE id = ?::uuid",
                    id.toString()), "history holds both versions, as ciphertext");
        }
    }

    @Test
    void aCiphertextCopiedOntoAnotherPatientsRowDoesNotDecrypt() throws Exception {
        UUID victim = Patients.register(Patients.Canary.fresh(), "1950-01-01", false);
        UUID source = Patients.register(Patients.Canary.fresh(), "1960-01-01", false);
        try (Connection a = Regions.dba("a");
             PreparedStatement copy = a.prepareStatement("UPDATE records.patient SET demographics = "
                     + "(SELECT demographics FROM records.patient WHERE id = ?) WHERE id = ?")) {
            copy.setObject(1, source);
            copy.setObject(2, victim);
            assertEquals(1, copy.executeUpdate());
        }
        HttpResponse<String> read = as(Tokens.of("front.desk")).get(patient(victim)).send();
        assertEquals(500, read.statusCode(), "a loud failure, not another patient's data");
        assertTrue(read.body().contains("incident"));
        try (Connection a = Regions.dba("a")) {
            assertEquals(List.of("READ FAILED"), Regions.strings(a, "SELECT DISTINCT action || ' ' || outcome FROM "
                    + "audit.access_event WHERE patient_id = ?::uuid AND outcome = 'FAILED'", victim.toString()),
                    "the failed integrity check is audited, although its request failed");
        }
        assertEquals(200, as(Tokens.of("front.desk")).get(patient(source)).send().statusCode());
    }
}
