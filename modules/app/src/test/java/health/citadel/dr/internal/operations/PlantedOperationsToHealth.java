package health.citadel.dr.internal.operations;

/** The other half of a planted cycle between two of dr's internal packages. For ModuleBoundariesTest only. */
public class PlantedOperationsToHealth {
    health.citadel.dr.internal.health.PlantedHealthToOperations other;
}
