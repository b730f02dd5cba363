package health.citadel.records.internal.chart;

import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Map;

/** The rules a document meets before it is stored: a size limit, and first bytes that match its type. */
final class ChartDocuments {

    /** 5 MiB: a scanned letter or a photograph, not a DICOM study. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private ChartDocuments() {
    }

    static void check(EntryKind.Document document) {
        if (document.data().length > MAX_BYTES) {
            throw new RequestRefused(Response.Status.REQUEST_ENTITY_TOO_LARGE, "a document may have at most 5 MiB");
        }
        byte[] magic = MAGIC.get(document.contentType());
        if (document.data().length < magic.length
                || !Arrays.equals(Arrays.copyOf(document.data(), magic.length), magic)) {
            throw RequestRefused.badRequest("the document's bytes are not a " + document.contentType());
        }
    }

    static EntryKind.DocumentSummary summary(EntryKind.Document document) {
        return new EntryKind.DocumentSummary(document.title(), document.contentType(), document.data().length);
    }
}
