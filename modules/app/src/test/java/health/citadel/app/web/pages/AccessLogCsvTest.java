package health.citadel.app.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessLogCsvTest {

    @Test
    void cellsAreQuotedAsRfc4180AndNeverRunAsAFormula() throws Exception {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        AuditEvent event = new AuditEvent(id, Instant.parse("2026-01-31T14:30:00Z"), "actor-1",
                Set.of("nurse", "physician"), "citadel-portal", AuditAction.BREAK_GLASS, "BreakGlassGrant", null, null,
                AuditOutcome.SUCCESS, "127.0.0.1", "req-1", "=HYPERLINK(\"x\"), then \"quoted\"\nline", false);
        StringWriter out = new StringWriter();

        AccessLogCsv.write(out, sink -> sink.accept(event));

        assertEquals(String.join(",", AccessLogCsv.HEADER) + "\r\n"
                + id + ",2026-01-31T14:30:00Z,actor-1,nurse physician,citadel-portal,BREAK_GLASS,BreakGlassGrant,,,"
                + "SUCCESS,127.0.0.1,req-1,\"'=HYPERLINK(\"\"x\"\"), then \"\"quoted\"\"\nline\",false\r\n", out.toString());
    }
}
