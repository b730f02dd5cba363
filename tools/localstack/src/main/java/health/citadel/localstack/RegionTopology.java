package health.citadel.localstack;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Records the first topology epoch in both regions, region A the writer, and lets the monitoring login read
 * the dr schema's heartbeat and topology and the standby's applied position. Later epochs are the DR module's
 * to write.
 */
final class RegionTopology {

    static final String FIRST_WRITER = "a";

    private RegionTopology() {
    }

    static void record(PostgresRegion region) {
        try (Connection dba = region.connectAsDba(PostgresRegion.DATABASE)) {
            PostgresRegion.execute(dba, "GRANT USAGE ON SCHEMA dr TO %I", PostgresRegion.MONITOR);
            PostgresRegion.execute(dba, "GRANT SELECT ON dr.heartbeat, dr.topology TO %I", PostgresRegion.MONITOR);
            // what the standby has applied; PostgreSQL 17 shows it to superusers only, so grant it as 18 may
            PostgresRegion.execute(dba, "GRANT SELECT ON pg_replication_origin_status TO %I", PostgresRegion.MONITOR);
            PostgresRegion.execute(dba, "GRANT EXECUTE ON FUNCTION pg_show_replication_origin_status() TO %I",
                    PostgresRegion.MONITOR);
            if (!PostgresRegion.exists(dba, "SELECT 1 FROM dr.topology")) {
                PostgresRegion.execute(dba, "INSERT INTO dr.topology (epoch, writer_region, recorded_at) "
                        + "VALUES (1, %L, now())", FIRST_WRITER);
            }
        } catch (SQLException e) {
            throw new StackException("cannot record the topology in " + region.name() + ": " + e.getMessage(), e);
        }
    }
}
