package health.citadel.records.web;

/** A planted records resource that needs a public internal. For ModuleBoundariesTest only. */
public class PlantedChartStoreUser {
    health.citadel.records.internal.PlantedChartStore store;
}
