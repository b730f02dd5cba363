package health.citadel.audit.api;

/** One half of a planted cycle between audit and dr. For ModuleBoundariesTest only. */
public class PlantedAuditToDr {
    health.citadel.dr.api.PlantedDrToAudit other;
}
