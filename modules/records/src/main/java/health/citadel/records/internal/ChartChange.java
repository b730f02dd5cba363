package health.citadel.records.internal;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is changing the chart and why, for the revision Envers is about to write. Set by the service before it
 * writes; Envers' listener cannot be injected, so it looks this up.
 */
@RequestScoped
public class ChartChange {

    /** The revision's description: the actor's identity-provider id, the stated reason, the request id. */
    public record Description(String actorId, String reason, String requestId) {
    }

    private Description description;

    public void set(Description description) {
        this.description = description;
    }

    Description get() {
        return description;
    }
}
