package health.citadel.records.internal.chart;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChartDocumentsTest {

    private static final byte[] PDF = "%PDF-1.7\n...".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};

    private static EntryKind.Document document(String type, byte[] data) {
        return new EntryKind.Document("Discharge letter", type, data);
    }

    @Test
    void eachTypeIsTakenWithItsOwnFirstBytes() {
        assertDoesNotThrow(() -> ChartDocuments.check(document("application/pdf", PDF)));
        assertDoesNotThrow(() -> ChartDocuments.check(document("image/png", PNG)));
        assertDoesNotThrow(() -> ChartDocuments.check(document("image/jpeg", JPEG)));
    }

    @ParameterizedTest
    @CsvSource({"application/pdf, image/png", "image/png, image/jpeg", "image/jpeg, application/pdf"})
    void bytesOfAnotherTypeAreRefused(String declared, String actual) {
        byte[] bytes = switch (actual) {
            case "application/pdf" -> PDF;
            case "image/png" -> PNG;
            default -> JPEG;
        };
        RequestRefused refused = assertThrows(RequestRefused.class, () -> ChartDocuments.check(document(declared, bytes)));
        assertEquals(Response.Status.BAD_REQUEST, refused.status());
        assertEquals("the document's bytes are not a " + declared, refused.getMessage());
    }

    @Test
    void bytesShorterThanTheSignatureAreRefused() {
        assertEquals(Response.Status.BAD_REQUEST, assertThrows(RequestRefused.class,
                () -> ChartDocuments.check(document("image/png", new byte[] {(byte) 0x89, 'P'}))).status());
    }

    @Test
    void fiveMebibytesAreTheLimit() {
        byte[] atTheLimit = Arrays.copyOf(PDF, ChartDocuments.MAX_BYTES);
        assertDoesNotThrow(() -> ChartDocuments.check(document("application/pdf", atTheLimit)));
        byte[] over = Arrays.copyOf(PDF, ChartDocuments.MAX_BYTES + 1);
        assertEquals(Response.Status.REQUEST_ENTITY_TOO_LARGE, assertThrows(RequestRefused.class,
                () -> ChartDocuments.check(document("application/pdf", over))).status());
    }

    @Test
    void aSummaryHasTheSizeButNotTheBytes() {
        assertEquals(new EntryKind.DocumentSummary("Discharge letter", "image/jpeg", 4),
                ChartDocuments.summary(document("image/jpeg", JPEG)));
    }
}
