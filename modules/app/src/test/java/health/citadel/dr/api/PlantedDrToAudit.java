package health.citadel.dr.api;

/** The other half of a planted cycle between audit and dr. For ModuleBoundariesTest only. */
public class PlantedDrToAudit {
    health.citadel.audit.api.PlantedAuditToDr other;
}
