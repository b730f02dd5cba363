package health.citadel.localstack;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Sets up logical replication from the writer (region A) to the standby (region B), and fences the standby
 * so the application cannot write there. Migrations must have run on both regions first: logical
 * replication carries rows, not DDL.
 */
final class RegionReplication {

    static final String PUBLICATION = "citadel_pub";
    static final String SUBSCRIPTION = "citadel_sub";
    /** Flyway's history tables stay out: each region is migrated on its own. */
    static final String[] PUBLISHED_SCHEMAS = {"identity", "records", "audit"};
    /** Of the dr schema only the heartbeat travels: each region keeps its own topology record. */
    static final String HEARTBEAT = "heartbeat";

    private RegionReplication() {
    }

    static void establish(PostgresRegion writer, PostgresRegion standby, StackSecrets secrets) {
        try (Connection publisher = writer.connectAsDba(PostgresRegion.DATABASE)) {
            for (String schema : PUBLISHED_SCHEMAS) {
                PostgresRegion.execute(publisher, "GRANT USAGE ON SCHEMA %I TO %I", schema, PostgresRegion.REPLICATOR);
                PostgresRegion.execute(publisher, "GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I", schema,
                        PostgresRegion.REPLICATOR);
                PostgresRegion.execute(publisher, "ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON TABLES TO %I",
                        PostgresRegion.OWNER, schema, PostgresRegion.REPLICATOR);
            }
            PostgresRegion.execute(publisher, "GRANT USAGE ON SCHEMA dr TO %I", PostgresRegion.REPLICATOR);
            PostgresRegion.execute(publisher, "GRANT SELECT ON dr.%I TO %I", HEARTBEAT, PostgresRegion.REPLICATOR);
            if (!PostgresRegion.exists(publisher, "SELECT 1 FROM pg_publication WHERE pubname = ?", PUBLICATION)) {
                PostgresRegion.execute(publisher, "CREATE PUBLICATION %I FOR TABLES IN SCHEMA %I, %I, %I",
                        PUBLICATION, PUBLISHED_SCHEMAS[0], PUBLISHED_SCHEMAS[1], PUBLISHED_SCHEMAS[2]);
            }
            if (!PostgresRegion.exists(publisher, "SELECT 1 FROM pg_publication_tables WHERE pubname = ? "
                    + "AND schemaname = 'dr' AND tablename = ?", PUBLICATION, HEARTBEAT)) {
                PostgresRegion.execute(publisher, "ALTER PUBLICATION %I ADD TABLE dr.%I", PUBLICATION, HEARTBEAT);
            }
        } catch (SQLException e) {
            throw new StackException("cannot publish from " + writer.name() + ": " + e.getMessage(), e);
        }
        try (Connection subscriber = standby.connectAsDba(PostgresRegion.DATABASE)) {
            PostgresRegion.execute(subscriber, "ALTER ROLE %I IN DATABASE %I SET default_transaction_read_only = on",
                    PostgresRegion.APP, PostgresRegion.DATABASE);
            if (!PostgresRegion.exists(subscriber, "SELECT 1 FROM pg_subscription WHERE subname = ?", SUBSCRIPTION)) {
                String publisher = "host=127.0.0.1 port=" + writer.port() + " dbname=" + PostgresRegion.DATABASE
                        + " user=" + PostgresRegion.REPLICATOR + " password=" + secrets.get(StackSecrets.REPLICATOR_PASSWORD);
                PostgresRegion.execute(subscriber, "CREATE SUBSCRIPTION %I CONNECTION %L PUBLICATION %I WITH (origin = none)",
                        SUBSCRIPTION, publisher, PUBLICATION);
            } else {
                // tables added by migrations since the last up are published, but not subscribed until refreshed
                PostgresRegion.execute(subscriber, "ALTER SUBSCRIPTION %I REFRESH PUBLICATION", SUBSCRIPTION);
            }
        } catch (SQLException e) {
            throw new StackException("cannot subscribe " + standby.name() + ": " + e.getMessage(), e);
        }
    }
}
