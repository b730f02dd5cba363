package health.citadel.dr.internal;

/** A planted shared dr internal that leans on one of the packages built on it. For ModuleBoundariesTest only. */
public class PlantedSharedOnOperations {
    health.citadel.dr.internal.operations.PlantedOperationsToHealth operations;
}
