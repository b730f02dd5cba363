package health.citadel.localstack;

import health.citadel.platform.jdbc.Statements;
import health.citadel.dr.api.RegionSetup;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Names a region in its own database, so the application can tell which region a connection reached, and lets
 * the monitoring login read the dr schema's heartbeat and topology, and it and the DR role the standby's applied
 * position. The epochs are {@link RegionReplication}'s to record, and the DR module's to move.
 */
final class RegionTopology {

    static final String FIRST_WRITER = "a";

    private RegionTopology() {
    }

    static void record(PostgresRegion region) {
        try (Connection dba = region.connectAsDba(PostgresRegion.DATABASE)) {
            RegionSetup.name(dba, region.id());
            Statements.execute(dba, "GRANT USAGE ON SCHEMA dr TO %I", PostgresRegion.MONITOR);
            Statements.execute(dba, "GRANT SELECT ON dr.heartbeat, dr.topology TO %I", PostgresRegion.MONITOR);
            // what the standby has applied; PostgreSQL 17 shows it to superusers only, so grant it as 18 may, to the
            // monitor and to the DR role, whose comparisons and failovers read it
            Statements.execute(dba, "GRANT SELECT ON pg_replication_origin_status TO %I, %I", PostgresRegion.MONITOR,
                    PostgresRegion.DR_OPERATOR);
            Statements.execute(dba, "GRANT EXECUTE ON FUNCTION pg_show_replication_origin_status() TO %I, %I",
                    PostgresRegion.MONITOR, PostgresRegion.DR_OPERATOR);
        } catch (SQLException e) {
            throw new StackException("cannot record the topology in " + region.name() + ": " + e.getMessage(), e);
        }
    }
}
