package health.citadel.records.api;

/** A planted api class that answers in Jakarta REST's terms. For ModuleBoundariesTest only. */
public class PlantedApiOnJaxRs {
    jakarta.ws.rs.core.Response.Status refusal;
}
