package health.citadel.app.web;

import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditPage;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The access log for auditors: a filtered, paged view, and an export a SIEM can ingest. */
@Path("/v1/audit/events")
@RequestScoped
public class AuditEventsResource {

    /** JSON Lines, one event per line. */
    static final String JSON_LINES = "application/x-ndjson";
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    AuditorDesk desk;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    @Operation(summary = "Search the access log", description = "Filter by patient, actor, action, outcome and time range "
            + "(from inclusive, to exclusive, ISO-8601); newest first; page from 0, size up to 500.")
    public AuditPage search(@BeanParam AuditFilter filter) {
        return desk.search(filter.toQuery());
    }

    @GET
    @Path("/export")
    @Produces(JSON_LINES)
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    @Operation(summary = "Export the access log as JSON Lines", description = "Every event matching the filter, "
            + "oldest first, one JSON object per line.")
    public StreamingOutput export(@BeanParam AuditFilter filter) {
        AuditorDesk.Export export = desk.export(filter.toQuery());
        return output -> {
            Writer lines = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            export.to(event -> writeLine(lines, event));
            lines.flush();
        };
    }

    private static void writeLine(Writer lines, AuditEvent event) {
        try {
            lines.write(JSON.toJson(event));
            lines.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
