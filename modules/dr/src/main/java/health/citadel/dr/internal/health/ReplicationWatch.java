package health.citadel.dr.internal.health;

import health.citadel.dr.api.ReplicationMonitor;
import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.dr.internal.Replication;
import health.citadel.platform.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Probes both regions on a schedule, as a monitoring login that can read the catalogs and the heartbeat but no
 * chart, and publishes the result as metrics. Where no standby is configured (a single region), there is
 * nothing to watch.
 */
@ApplicationScoped
class ReplicationWatch implements ReplicationMonitor {

    private static final Metadata LAG_SECONDS = Metadata.builder().withName("citadel_dr_lag_seconds")
            .withDescription("Age of the newest heartbeat the standby has applied, by the writer's clock; while the "
                    + "standby cannot be read, the seconds since it last confirmed a position to the writer").build();
    private static final Metadata LAG_BYTES = Metadata.builder().withName("citadel_dr_lag_bytes")
            .withDescription("WAL written by the writer that the standby has not applied; while the standby cannot "
                    + "be read, what it has not confirmed to the writer").build();
    private static final Metadata HEALTHY = Metadata.builder().withName("citadel_dr_replication_healthy")
            .withDescription("1 while both regions answer and the standby applies without a problem").build();
    private static final Metadata APPLY_ERRORS = Metadata.builder().withName("citadel_dr_apply_errors")
            .withDescription("Errors the standby's apply worker has met since the subscription's statistics reset")
            .build();
    private static final Metadata STANDBY_REACHABLE = Metadata.builder().withName("citadel_dr_standby_reachable")
            .withDescription("1 while the standby region's database answers the probe").build();
    private static final Metadata RETAINED_WAL = Metadata.builder().withName("citadel_dr_slot_retained_wal_bytes")
            .withDescription("WAL the writer keeps for the standby's replication slot").build();
    private static final Metadata CONFIRMED_AGE = Metadata.builder()
            .withName("citadel_dr_standby_confirmed_age_seconds")
            .withDescription("Seconds since the standby last confirmed a position to the writer").build();
    private static final Metadata WAL_STATUS = Metadata.builder().withName("citadel_dr_slot_wal_status")
            .withDescription("1 for the slot's current wal_status: lost means the standby must be re-seeded").build();
    private static final Metadata EPOCH_MISMATCH = Metadata.builder().withName("citadel_dr_topology_epoch_mismatch")
            .withDescription("1 while the regions have recorded different topology epochs: a failover's old writer "
                    + "is back, and must stay fenced until rejoined").build();
    /** PostgreSQL's values of {@code pg_replication_slots.wal_status}. */
    private static final List<String> WAL_STATUSES = List.of("reserved", "extended", "unreserved", "lost");
    private static final int TIMEOUT_SECONDS = 3;

    @Inject
    @ConfigProperty(name = "citadel.dr.regions", defaultValue = "")
    List<String> regions;

    @Inject
    @ConfigProperty(name = "citadel.dr.probe-interval", defaultValue = "PT5S")
    Duration probeInterval;

    @Inject
    @ConfigProperty(name = "citadel.dr.monitor.user", defaultValue = "")
    String monitorUser;

    @Inject
    @ConfigProperty(name = "citadel.dr.monitor.password", defaultValue = "")
    String monitorPassword;

    @Inject
    ApplicationLogins applicationLogins;

    @Inject
    Config config;

    @Inject
    BackgroundWork background;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private volatile ReplicationStatus latest;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!configured()) {
            return;
        }
        // the writer's view stands in where the standby cannot be read, so an outage raises the lag, never NaN;
        // NaN remains only while the writer itself cannot be read (readiness and the instance's alerts say so)
        metrics.gauge(LAG_SECONDS, () -> value(status -> status.lagSeconds() != null ? status.lagSeconds()
                : slotValue(status, ReplicationStatus.Slot::confirmedAgeSeconds)));
        metrics.gauge(LAG_BYTES, () -> value(status -> status.lagBytes() != null ? status.lagBytes()
                : slotValue(status, ReplicationStatus.Slot::unconfirmedBytes)));
        metrics.gauge(APPLY_ERRORS, () -> value(status -> status.subscription() == null ? null
                : status.subscription().applyErrors()));
        metrics.gauge(HEALTHY, () -> latest != null && latest.problems().isEmpty() ? 1 : 0);
        metrics.gauge(STANDBY_REACHABLE, () -> value(status -> status.standby().reachable() ? 1 : 0));
        metrics.gauge(RETAINED_WAL, () -> value(status -> slotValue(status, ReplicationStatus.Slot::retainedBytes)));
        metrics.gauge(CONFIRMED_AGE, () -> value(status ->
                slotValue(status, ReplicationStatus.Slot::confirmedAgeSeconds)));
        metrics.gauge(EPOCH_MISMATCH, () -> value(status -> status.writer().epoch() == null
                || status.standby().epoch() == null ? null
                : status.writer().epoch().equals(status.standby().epoch()) ? 0 : 1));
        for (String walStatus : WAL_STATUSES) {
            metrics.gauge(WAL_STATUS, () -> value(status -> status.slot() == null ? null
                    : walStatus.equals(status.slot().walStatus()) ? 1 : 0), new Tag("status", walStatus));
        }
        background.every(probeInterval, "Replication probe", () -> latest = probeNow());
    }

    boolean configured() {
        return regions.size() == 2;
    }

    /** The newest scheduled probe, if any has run. */
    Optional<ReplicationStatus> latest() {
        return Optional.ofNullable(latest);
    }

    /** The newest scheduled probe, or a probe now where none has run yet. */
    ReplicationStatus latestOrProbe() {
        ReplicationStatus seen = latest;
        if (seen == null) {
            seen = probeNow();
            latest = seen;
        }
        return seen;
    }

    Duration probeInterval() {
        return probeInterval;
    }

    @Override
    public Optional<ReplicationStatus> probe() {
        return configured() ? Optional.of(probeNow()) : Optional.empty();
    }

    ReplicationStatus probeNow() {
        return new ReplicationProbe(regions, this::connect, applicationLogins).probe();
    }

    private Connection connect(String region) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", monitorUser);
        login.setProperty("password", monitorPassword);
        login.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        login.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS * 2));
        login.setProperty("readOnly", "true");
        return DriverManager.getConnection(config.getValue("citadel.dr.region." + region + ".url", String.class),
                login);
    }

    /** A value of the newest probe (probing now if none has run), NaN where the probe could not read it. */
    private double value(Function<ReplicationStatus, ? extends Number> read) {
        Number number = read.apply(latestOrProbe());
        return number == null ? Double.NaN : number.doubleValue();
    }

    private static Number slotValue(ReplicationStatus status, Function<ReplicationStatus.Slot, ? extends Number> read) {
        return status.slot() == null ? null : read.apply(status.slot());
    }
}
