package health.citadel.app.web.pages;

import health.citadel.app.web.AuditorDesk;
import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.audit.api.AuditPage;
import health.citadel.audit.api.AuditQuery;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.InvalidField;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The auditor's search of the access log, and its export as CSV, through the desk the API's search and export
 * use (each audited as SEARCH or ADMIN_AUDIT_EXPORT). The filter is posted: a patient id never reaches an address.
 */
@Path("/audit/events")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class AccessLogPage {

    private static final String TEMPLATE = "audit/events";

    @Inject
    AuditorDesk desk;

    @GET
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    public Page form() {
        return page(new AccessLogFilter(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    public Response search(@BeanParam AccessLogFilter filter) {
        return checked(filter, query -> Response.ok(page(filter, desk.search(query))).build());
    }

    @POST
    @Path("/export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"text/csv", MediaType.TEXT_HTML})
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    public Response export(@BeanParam AccessLogFilter filter) {
        return checked(filter, query -> {
            AuditorDesk.Export export = desk.export(query);
            StreamingOutput csv = output -> {
                Writer out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
                AccessLogCsv.write(out, export);
                out.flush();
            };
            return Response.ok(csv, "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"access-log.csv\"").build();
        });
    }

    /** The answer for a valid filter, or the form again naming the field that is not. */
    private static Response checked(AccessLogFilter filter, Function<AuditQuery, Response> answer) {
        AuditQuery query;
        try {
            query = filter.query();
        } catch (InvalidField invalid) {
            return invalid.on(page(filter, null));
        }
        return answer.apply(query);
    }

    private static Page page(AccessLogFilter filter, AuditPage found) {
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("actions", AuditAction.values());
        model.put("outcomes", AuditOutcome.values());
        model.put("searched", found != null);
        if (found != null) {
            model.put("found", found);
        }
        return new Page(TEMPLATE, model);
    }
}
