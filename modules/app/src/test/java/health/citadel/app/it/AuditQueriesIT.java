package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Auditors search and export the access log; patients see who looked at their chart. */
class AuditQueriesIT {

    @Test
    void auditorsFilterAndPageTheLogNewestFirst() {
        String physician = Tokens.claims(Tokens.of("dr.house")).get("sub").asText();
        for (int i = 0; i < 3; i++) {
            assertEquals(403, as(Tokens.of("dr.house")).get("/api/v1/identity/roles").send().statusCode());
        }

        JsonNode firstPage = search("?action=DENIED&actor=" + physician + "&size=2");
        JsonNode secondPage = search("?action=DENIED&actor=" + physician + "&size=2&page=1");

        assertEquals(2, firstPage.get("events").size());
        assertTrue(firstPage.get("hasMore").asBoolean());
        assertFalse(secondPage.get("events").isEmpty());
        List<Instant> times = new ArrayList<>();
        for (JsonNode page : List.of(firstPage, secondPage)) {
            for (JsonNode event : page.get("events")) {
                assertEquals("DENIED", event.get("action").asText());
                assertEquals(physician, event.get("actorId").asText());
                times.add(Instant.parse(event.get("occurredAt").asText()));
            }
        }
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isAfter(times.get(i - 1)), "newest first: " + times);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"?action=PEEK", "?patient=not-a-uuid", "?size=0", "?size=501", "?page=-1",
            "?from=yesterday", "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "?outcome=MAYBE"})
    void aBadFilterIsA400(String filter) {
        HttpResponse<String> response = as(Tokens.of("auditor.ada")).get("/api/v1/audit/events" + filter).send();

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        String parameter = filter.substring(1, filter.indexOf('='));
        assertTrue(Stack.json(response).get("detail").asText().contains(parameter), "names " + parameter + ": "
                + response.body());
    }

    @Test
    void onlyAuditorsReadTheLog() {
        assertEquals(403, as(Tokens.of("dr.house")).get("/api/v1/audit/events").send().statusCode());
        assertEquals(403, as(Tokens.of("admin.alan")).get("/api/v1/audit/events").send().statusCode());
    }

    @Test
    void theExportIsJsonLinesOfTheFilteredEvents() throws Exception {
        String physician = Tokens.claims(Tokens.of("dr.house")).get("sub").asText();
        assertEquals(403, as(Tokens.of("dr.house")).get("/api/v1/identity/roles").send().statusCode());

        HttpResponse<String> export = as(Tokens.of("auditor.ada"))
                .get("/api/v1/audit/events/export?action=DENIED&actor=" + physician).send();

        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        String[] lines = export.body().split("\n");
        assertTrue(lines.length >= 1);
        Instant previous = Instant.MIN;
        for (String line : lines) {
            JsonNode event = Stack.JSON.readTree(line);
            assertEquals("DENIED", event.get("action").asText());
            Instant at = Instant.parse(event.get("occurredAt").asText());
            assertFalse(at.isBefore(previous), "oldest first");
            previous = at;
        }
    }

    @Test
    void aPatientSeesWhichStaffMemberLookedAtTheirRecord() {
        String patientToken = Tokens.of("patient.pat");
        String patientId = Tokens.claims(patientToken).get("patient_id").asText();
        String auditorToken = Tokens.of("auditor.ada");
        String auditorName = Tokens.claims(auditorToken).get("name").asText();
        assertEquals(200, as(auditorToken).get("/api/v1/audit/events?patient=" + patientId).send().statusCode());

        HttpResponse<String> response = as(patientToken).get("/api/v1/me/record-access").send();

        assertEquals(200, response.statusCode(), response.body());
        JsonNode accesses = Stack.json(response).get("accesses");
        JsonNode latest = accesses.get(0);
        assertEquals(auditorName, latest.get("who").asText(), response.body());
        assertEquals("[\"auditor\"]", latest.get("roles").toString());
        assertEquals("SEARCH", latest.get("access").asText());
        assertFalse(latest.get("breakTheGlass").asBoolean());
        for (JsonNode access : accesses) {
            assertTrue(!access.get("who").asText().isEmpty());
        }
    }

    @Test
    void staffHaveNoRecordAccessLogOfTheirOwn() {
        assertEquals(403, as(Tokens.of("dr.house")).get("/api/v1/me/record-access").send().statusCode());
    }

    private JsonNode search(String filter) {
        HttpResponse<String> response = as(Tokens.of("auditor.ada")).get("/api/v1/audit/events" + filter).send();
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response);
    }

}
