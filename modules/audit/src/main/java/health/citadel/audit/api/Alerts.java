package health.citadel.audit.api;

import java.util.List;

/** The alerts raised so far, newest first. */
public interface Alerts {

    List<Alert> recent(int page, int size);
}
