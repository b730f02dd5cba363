package health.citadel.identity.internal;

import health.citadel.records.internal.PlantedChartStore;

/** A planted violation: identity may not use records at all. For ModuleBoundariesTest only. */
public class PlantedTunnelIntoRecords {
    PlantedChartStore store = new PlantedChartStore();
}
