package health.citadel.app.web.pages;

import java.util.Set;

/** The auditor's pages, for the portal's application to list. */
public final class OversightPages {

    public static final Set<Class<?>> RESOURCES = Set.of(AccessLogPage.class, AuditChainPage.class, AlertsPage.class,
            BreakGlassReviewPage.class);

    private OversightPages() {
    }
}
