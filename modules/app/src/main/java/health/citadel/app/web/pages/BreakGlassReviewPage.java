package health.citadel.app.web.pages;

import health.citadel.identity.api.AccessOversight;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.InvalidField;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The auditor's queue of break-the-glass grants no one has judged yet: each is marked justified or not, with a
 * note, through the service the API's review uses (audited as ADMIN_ACCESS_REVIEW).
 */
@Path("/audit/break-glass")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class BreakGlassReviewPage {

    private static final String TEMPLATE = "audit/break-glass";

    @Inject
    AccessOversight oversight;

    @GET
    @RequiresPermission(Permission.REVIEW_ACCESS)
    public Page queue() {
        return queue(Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.REVIEW_ACCESS)
    public Response review(@FormParam("grant") String grant, @FormParam("judgement") String judgement,
                           @FormParam("note") String note) {
        UUID id;
        AccessOversight.Judgement verdict;
        String written = note == null ? "" : note.strip();
        try {
            id = grantId(grant);
            verdict = judgement(judgement);
            if (written.length() > AccessOversight.NOTE_MAX_LENGTH) {
                throw new InvalidField("note", "must be at most " + AccessOversight.NOTE_MAX_LENGTH + " characters");
            }
        } catch (InvalidField invalid) {
            return invalid.on(queue(Map.of("errorGrant", grant == null ? "" : grant)));
        }
        AccessOversight.EmergencyAccess reviewed = oversight.review(id, verdict, written.isEmpty() ? null : written);
        return Response.ok(queue(Map.of("reviewed", reviewed))).build();
    }

    private Page queue(Map<String, Object> more) {
        Map<String, Object> model = new HashMap<>(more);
        model.put("grants", oversight.breakGlassGrants(true));
        model.put("judgements", AccessOversight.Judgement.values());
        model.put("noteMax", AccessOversight.NOTE_MAX_LENGTH);
        return new Page(TEMPLATE, model);
    }

    private static UUID grantId(String grant) {
        try {
            return UUID.fromString(grant == null ? "" : grant.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("grant", "must be a grant of the queue");
        }
    }

    private static AccessOversight.Judgement judgement(String judgement) {
        try {
            return AccessOversight.Judgement.valueOf(judgement == null ? "" : judgement);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("judgement", "choose justified or unjustified");
        }
    }
}
