package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Documents in the chart: PDFs and images, checked by size and by their first bytes, stored encrypted. */
class ChartDocumentIT {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aDocumentIsStoredListedWithoutItsBytesAndReadBackWhole() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1990-10-10", false);
        Patients.assignCareTeam("dr.house", patient);
        String physician = Tokens.of("dr.house");
        String documents = patient(patient) + "/documents";

        HttpResponse<String> added = as(physician).post(documents)
                .json(document("Referral letter", "application/pdf", PDF));
        assertEquals(201, added.statusCode(), added.body());
        String id = Stack.json(added).get("id").asText();

        JsonNode listed = Stack.json(as(physician).get(documents).send()).at("/items/0/content");
        assertEquals("Referral letter", listed.get("title").asText());
        assertEquals(PDF.length, listed.get("size").asInt());
        assertFalse(listed.has("data"), "lists do not carry the bytes");

        JsonNode read = Stack.json(as(physician).get(documents + "/" + id).send()).get("content");
        assertTrue(Arrays.equals(PDF, Base64.getDecoder().decode(read.get("data").asText())));
    }

    @Test
    void aDocumentMustBeWhatItClaimsAndSmallEnough() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1990-11-11", false);
        Patients.assignCareTeam("dr.house", patient);
        String physician = Tokens.of("dr.house");
        String documents = patient(patient) + "/documents";
        assertEquals(400, as(physician).post(documents).json(document("Scan", "image/png", PDF)).statusCode(),
                "a PDF is not a PNG");
        assertEquals(400, as(physician).post(documents).json(document("Page", "text/html",
                "<html>".getBytes(StandardCharsets.US_ASCII))).statusCode(), "only PDF, PNG and JPEG");
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertEquals(413, as(physician).post(documents).json(document("Huge", "application/pdf", large)).statusCode());
        assertEquals(0, Stack.json(as(physician).get(documents).send()).get("items").size(), "nothing was stored");
    }

    private static ObjectNode document(String title, String contentType, byte[] data) {
        return object("content", object("title", title, "contentType", contentType,
                "data", Base64.getEncoder().encodeToString(data)));
    }
}
