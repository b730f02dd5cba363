package health.citadel.dr.internal.health;

/** One half of a planted cycle between two of dr's internal packages. For ModuleBoundariesTest only. */
public class PlantedHealthToOperations {
    health.citadel.dr.internal.operations.PlantedOperationsToHealth other;
}
