package health.citadel.dr.api;

/** The region a fence keeps the application out of, as {@code bin/citadel dr fence --json} prints it. */
public record FenceReport(String fenced) {
}
