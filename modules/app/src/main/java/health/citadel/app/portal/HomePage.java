package health.citadel.app.portal;

import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The portal's home: who is signed in, with which roles, and the tasks they may start from here. */
@Path("/")
@PortalPage
@RequestScoped
public class HomePage {

    private static final DateTimeFormatter SIGN_IN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.VIEW_OWN_IDENTITY)
    public Page home() {
        Caller caller = currentCaller.get();
        // when the person last gave password and code: what step-up's window counts from
        String signedInAt = caller.authenticatedAt() == null ? ""
                : SIGN_IN_TIME.format(caller.authenticatedAt().atZone(ZoneOffset.UTC));
        return new Page("portal/home", Map.of("roles", caller.roleNames().stream().sorted().toList(),
                "secondFactor", caller.secondFactor(), "signedInAt", signedInAt));
    }
}
