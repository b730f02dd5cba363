package health.citadel.dr.api;

import health.citadel.dr.web.pages.DrOperationPages;
import health.citadel.dr.web.pages.ReplicationConsolePage;
import java.util.Set;

/** The portal's pages of disaster recovery: the DBA console and its DR changes. */
public final class DrPages {

    private DrPages() {
    }

    public static Set<Class<?>> resources() {
        return Set.of(ReplicationConsolePage.class, DrOperationPages.class);
    }
}
