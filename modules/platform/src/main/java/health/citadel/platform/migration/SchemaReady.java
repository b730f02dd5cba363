package health.citadel.platform.migration;

/** Fired once at start-up, after every module's schema is migrated and the mapping validated. */
public record SchemaReady() {
}
