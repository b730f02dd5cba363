package health.citadel.records.internal;

/** A planted public records internal that no other package of records uses. For ModuleBoundariesTest only. */
public class PlantedNeedlesslyPublic {
}
