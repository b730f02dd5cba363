package health.citadel.records.internal;

/** A planted records internal, for ModuleBoundariesTest only. */
public class PlantedChartStore {
}
