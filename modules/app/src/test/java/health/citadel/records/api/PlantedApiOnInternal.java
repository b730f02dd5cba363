package health.citadel.records.api;

/** A planted api class that leans on its own module's internal. For ModuleBoundariesTest only. */
public class PlantedApiOnInternal {
    health.citadel.records.internal.PlantedChartStore store;
}
