package health.citadel.records.internal;

/** A planted records internal that runs audit's command line. For ModuleBoundariesTest only. */
public class PlantedCliCall {
    health.citadel.audit.cli.AuditCommand command;
}
