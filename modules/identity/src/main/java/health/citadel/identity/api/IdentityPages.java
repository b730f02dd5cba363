package health.citadel.identity.api;

import health.citadel.identity.web.pages.AccessReviewPage;
import health.citadel.identity.web.pages.CareTeamPage;
import health.citadel.identity.web.pages.RecordAccessPage;
import java.util.Set;

/** The portal's pages of identity: care teams, the access review, and a patient's "who looked at my record". */
public final class IdentityPages {

    private IdentityPages() {
    }

    public static Set<Class<?>> resources() {
        return Set.of(CareTeamPage.class, AccessReviewPage.class, RecordAccessPage.class);
    }
}
