package health.citadel.records.internal;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is changing the chart and why, for the revision Envers is about to write. Set by the service before it
 * writes; Envers' listener cannot be injected, so it looks this up.
 */
@RequestScoped
public class ChartChange {

    private String actorId;
    private String reason;
    private String requestId;

    void set(String actorId, String reason, String requestId) {
        this.actorId = actorId;
        this.reason = reason;
        this.requestId = requestId;
    }

    String actorId() {
        return actorId;
    }

    String reason() {
        return reason;
    }

    String requestId() {
        return requestId;
    }
}
