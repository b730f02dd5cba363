package health.citadel.dr.internal.health;

import health.citadel.dr.internal.Replication;
import health.citadel.platform.background.BackgroundWork;
import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.platform.migration.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stamps the writer's heartbeat row every second. The row is published, so the standby's copy dates the last
 * commit it has applied. Written through the application's own pool, which reaches the writer only.
 */
@ApplicationScoped
public class Heartbeat {

    @Inject
    ApplicationDatabase database;

    @Inject
    BackgroundWork background;

    @Inject
    @ConfigProperty(name = "citadel.dr.heartbeat-interval", defaultValue = "PT1S")
    Duration interval;

    void start(@Observes SchemaReady ready) {
        background.every(interval, "Replication heartbeat", this::beat);
    }

    void beat() {
        try (Connection connection = database.getConnection()) {
            stamp(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the heartbeat was not written (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Stamps the heartbeat row; returns the writer's time in it. A switchover's marker is such a stamp, written
     * by the DBA once the application is fenced.
     */
    public static Instant stamp(Connection writer) throws SQLException {
        try (PreparedStatement beat = writer.prepareStatement("INSERT INTO dr.heartbeat (id, beat_at) "
                + "VALUES (1, clock_timestamp()) ON CONFLICT (id) DO UPDATE SET beat_at = EXCLUDED.beat_at "
                + "RETURNING beat_at");
             ResultSet row = beat.executeQuery()) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }
}
