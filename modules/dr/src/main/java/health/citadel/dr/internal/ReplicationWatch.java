package health.citadel.dr.internal;

import health.citadel.dr.api.ReplicationMonitor;
import health.citadel.dr.api.ReplicationStatus;
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
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Probes both regions on a schedule, as a monitoring login that can read the catalogs and the heartbeat but no
 * chart, and publishes the result as metrics. Where no standby is configured (a single region), there is
 * nothing to watch.
 */
@ApplicationScoped
public class ReplicationWatch implements ReplicationMonitor {

    private static final Metadata LAG_SECONDS = Metadata.builder().withName("citadel_dr_lag_seconds")
            .withDescription("Age of the newest heartbeat the standby has applied, by the writer's clock").build();
    private static final Metadata LAG_BYTES = Metadata.builder().withName("citadel_dr_lag_bytes")
            .withDescription("WAL written by the writer that the standby has not applied").build();
    private static final Metadata HEALTHY = Metadata.builder().withName("citadel_dr_replication_healthy")
            .withDescription("1 while both regions answer and the standby applies without a problem").build();
    private static final Metadata APPLY_ERRORS = Metadata.builder().withName("citadel_dr_apply_errors")
            .withDescription("Errors the standby's apply worker has met since the subscription's statistics reset")
            .build();
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
        metrics.gauge(LAG_SECONDS, () -> latestValue(ReplicationStatus::lagSeconds));
        metrics.gauge(LAG_BYTES, () -> latestValue(ReplicationStatus::lagBytes));
        metrics.gauge(APPLY_ERRORS, () -> latest == null || latest.subscription() == null ? Double.NaN
                : latest.subscription().applyErrors());
        metrics.gauge(HEALTHY, () -> latest != null && latest.problems().isEmpty() ? 1 : 0);
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

    private double latestValue(java.util.function.Function<ReplicationStatus, ? extends Number> value) {
        Number number = latest == null ? null : value.apply(latest);
        return number == null ? Double.NaN : number.doubleValue();
    }
}
