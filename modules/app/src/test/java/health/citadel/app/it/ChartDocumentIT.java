package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Documents in the chart: PDFs and images, checked by size and by their first bytes, stored encrypted. */
class ChartDocumentIT {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private final Stack stack = Stack.get();

    @Test
    void aDocumentIsStoredListedWithoutItsBytesAndReadBackWhole() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1990-10-10", false);
        Patients.assignCareTeam("dr.house", patient);
        String physician = Tokens.of("dr.house");
        String documents = Patients.PATIENTS + "/" + patient + "/documents";

        HttpResponse<String> added = stack.post(documents, physician, document("Referral letter", "application/pdf", PDF));
        assertEquals(201, added.statusCode(), added.body());
        String id = Stack.json(added).get("id").asText();

        JsonNode listed = Stack.json(stack.get(documents, physician)).at("/items/0/content");
        assertEquals("Referral letter", listed.get("title").asText());
        assertEquals(PDF.length, listed.get("size").asInt());
        assertFalse(listed.has("data"), "lists do not carry the bytes");

        JsonNode read = Stack.json(stack.get(documents + "/" + id, physician)).get("content");
        assertTrue(Arrays.equals(PDF, Base64.getDecoder().decode(read.get("data").asText())));
    }

    @Test
    void aDocumentMustBeWhatItClaimsAndSmallEnough() {
        UUID patient = Patients.register(Patients.Canary.fresh(), "1990-11-11", false);
        Patients.assignCareTeam("dr.house", patient);
        String physician = Tokens.of("dr.house");
        String documents = Patients.PATIENTS + "/" + patient + "/documents";
        assertEquals(400, stack.post(documents, physician, document("Scan", "image/png", PDF)).statusCode(),
                "a PDF is not a PNG");
        assertEquals(400, stack.post(documents, physician, document("Page", "text/html",
                "<html>".getBytes(StandardCharsets.US_ASCII))).statusCode(), "only PDF, PNG and JPEG");
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertEquals(413, stack.post(documents, physician, document("Huge", "application/pdf", large)).statusCode());
        assertEquals(0, Stack.json(stack.get(documents, physician)).get("items").size(), "nothing was stored");
    }

    private static String document(String title, String contentType, byte[] data) {
        return "{\"content\":{\"title\":\"" + title + "\",\"contentType\":\"" + contentType + "\",\"data\":\""
                + Base64.getEncoder().encodeToString(data) + "\"}}";
    }
}
