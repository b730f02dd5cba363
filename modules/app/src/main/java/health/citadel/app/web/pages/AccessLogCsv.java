package health.citadel.app.web.pages;

import health.citadel.app.web.AuditorDesk;
import health.citadel.audit.api.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The access log as CSV (RFC 4180) for a spreadsheet: a header, then one event per line, oldest first. A cell
 * that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
final class AccessLogCsv {

    static final List<String> HEADER = List.of("id", "occurredAt", "actorId", "actorRoles", "clientId", "action",
            "resourceType", "resourceId", "patientId", "outcome", "sourceIp", "requestId", "reason",
            "restrictedPatient");

    private AccessLogCsv() {
    }

    static void write(Writer out, AuditorDesk.Export export) throws IOException {
        out.write(line(HEADER));
        try {
            export.to(event -> {
                try {
                    out.write(line(cells(event)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<String> cells(AuditEvent event) {
        return List.of(event.id().toString(), event.occurredAt().toString(), event.actorId(),
                event.actorRoles().stream().sorted().collect(Collectors.joining(" ")), text(event.clientId()),
                event.action().name(), event.resourceType(), text(event.resourceId()), text(event.patientId()), event.outcome().name(),
                text(event.sourceIp()), text(event.requestId()), text(event.reason()),
                String.valueOf(event.restrictedPatient()));
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    private static String line(List<String> cells) {
        return cells.stream().map(AccessLogCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
