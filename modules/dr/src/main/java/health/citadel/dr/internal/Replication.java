package health.citadel.dr.internal;

import health.citadel.platform.jdbc.Statements;
import health.citadel.platform.progress.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The publication every region carries and the one subscription the standby holds. Every region publishes,
 * so whichever becomes the writer already does; only the standby subscribes.
 */
public final class Replication {

    public static final String PUBLICATION = "citadel_pub";
    public static final String SUBSCRIPTION = "citadel_sub";
    /** Flyway's history tables stay out: each region is migrated on its own. */
    public static final List<String> PUBLISHED_SCHEMAS = List.of("identity", "records", "audit");
    /** Of the dr schema only the heartbeat and the operations log travel: each region keeps its own topology. */
    static final String HEARTBEAT = "heartbeat";
    public static final List<String> PUBLISHED_DR_TABLES = List.of(HEARTBEAT, "operation");
    private static final Duration INITIAL_COPY = Duration.ofMinutes(5);
    private static final Duration SENDER_STOPS = Duration.ofSeconds(30);

    private Replication() {
    }

    /** Publishes the module schemas and the heartbeat, readable by the replication login; safe to repeat. */
    public static void publish(Connection dba, String replicator, String schemaOwner) throws SQLException {
        for (String schema : PUBLISHED_SCHEMAS) {
            Statements.execute(dba, "GRANT USAGE ON SCHEMA %I TO %I", schema, replicator);
            Statements.execute(dba, "GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I", schema, replicator);
            Statements.execute(dba, "ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON TABLES TO %I",
                    schemaOwner, schema, replicator);
        }
        Statements.execute(dba, "GRANT USAGE ON SCHEMA dr TO %I", replicator);
        logWholeRows(dba);
        if (!Statements.exists(dba, "SELECT 1 FROM pg_publication WHERE pubname = ?", PUBLICATION)) {
            Statements.execute(dba, "CREATE PUBLICATION %I FOR TABLES IN SCHEMA %I, %I, %I", PUBLICATION,
                    PUBLISHED_SCHEMAS.get(0), PUBLISHED_SCHEMAS.get(1), PUBLISHED_SCHEMAS.get(2));
        }
        for (String table : PUBLISHED_DR_TABLES) {
            Statements.execute(dba, "GRANT SELECT ON dr.%I TO %I", table, replicator);
            if (!Statements.exists(dba, "SELECT 1 FROM pg_publication_tables WHERE pubname = ? AND schemaname = 'dr' "
                    + "AND tablename = ?", PUBLICATION, table)) {
                Statements.execute(dba, "ALTER PUBLICATION %I ADD TABLE dr.%I", PUBLICATION, table);
            }
        }
    }

    /**
     * Makes every module table log the whole row before an update or delete, not only its key, so that a salvage
     * can tell whether a lost change still applies to the row the new writer holds. The price is the old row's
     * size in WAL per update.
     */
    private static void logWholeRows(Connection dba) throws SQLException {
        for (String table : Statements.column(dba, "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?) AND c.relkind = 'r' "
                + "AND c.relreplident <> 'f'", dba.createArrayOf("text", PUBLISHED_SCHEMAS.toArray()))) {
            Statements.execute(dba, "ALTER TABLE %s REPLICA IDENTITY FULL", table);
        }
    }

    public static boolean subscribed(Connection dba) throws SQLException {
        return Statements.exists(dba, "SELECT 1 FROM pg_subscription WHERE subname = ? "
                + "AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())", SUBSCRIPTION);
    }

    /**
     * Subscribes this region to the writer's publication. {@code origin = none} keeps changes from coming back
     * the way they went, once the regions have changed places.
     *
     * @param copyData false where this region already holds every row (a switchover); true to seed it
     * @param owner    the login the subscription is handed to once made, if that role exists: the DBA console's,
     *                 so that it can alter and drop what {@code bin/citadel dr} made; empty to keep it the maker's
     */
    public static void subscribe(Connection dba, String publisherConninfo, boolean copyData, String owner)
            throws SQLException {
        subscribe(dba, publisherConninfo, "copy_data = " + copyData, owner);
    }

    /**
     * Subscribes this region, which holds every row already, through the slot {@link #prepareSlot} made on the
     * publisher: no slot to create, so no wait for the publisher's running transactions.
     */
    public static void subscribeThroughPreparedSlot(Connection dba, String publisherConninfo, String owner)
            throws SQLException {
        subscribe(dba, publisherConninfo, "copy_data = false, create_slot = false", owner);
    }

    private static void subscribe(Connection dba, String publisherConninfo, String options, String owner)
            throws SQLException {
        Statements.execute(dba, "CREATE SUBSCRIPTION %I CONNECTION %L PUBLICATION %I WITH (" + options
                + ", origin = none)", SUBSCRIPTION, publisherConninfo, PUBLICATION);
        if (!owner.isEmpty() && Statements.exists(dba, "SELECT 1 FROM pg_roles WHERE rolname = ? AND rolname <> current_user",
                owner)) {
            Statements.execute(dba, "ALTER SUBSCRIPTION %I OWNER TO %I", SUBSCRIPTION, owner);
        }
    }

    /**
     * Makes, on a future publisher, the slot a subscription to it will use, replacing an idle one left over. Made
     * before a switchover fences the writer, it takes the wait for a consistent point out of the window. Rows
     * this region applies from the writer meanwhile are not sent back: the subscription takes only changes
     * made here ({@code origin = none}).
     */
    public static void prepareSlot(Connection dba) throws SQLException, InterruptedException {
        dropSlot(dba);
        Statements.column(dba, "SELECT lsn::text FROM pg_create_logical_replication_slot(?, 'pgoutput')", SUBSCRIPTION);
    }

    /**
     * Drops the subscription's slot on this publisher, once its sender has stopped (the subscriber dropped its
     * subscription without reaching here).
     */
    public static void dropSlot(Connection dba) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(SENDER_STOPS);
        while (Statements.exists(dba, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?", SUBSCRIPTION)) {
            if (Statements.exists(dba, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                    + "WHERE slot_name = ? AND NOT active", SUBSCRIPTION)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SQLException("the slot " + SUBSCRIPTION + " was still in use after "
                        + SENDER_STOPS.toSeconds() + " s: drop it once its sender stops (pg_replication_slots)");
            }
            Thread.sleep(5);
        }
    }

    public static void reconnect(Connection dba, String publisherConninfo) throws SQLException {
        Statements.execute(dba, "ALTER SUBSCRIPTION %I CONNECTION %L", SUBSCRIPTION, publisherConninfo);
    }

    /** Picks up tables that migrations added to the publication since the subscription was made. */
    public static void refresh(Connection dba) throws SQLException {
        Statements.execute(dba, "ALTER SUBSCRIPTION %I REFRESH PUBLICATION", SUBSCRIPTION);
    }

    /**
     * Drops the subscription. Where the publisher is lost, its slot is left alone: a plain DROP would try to
     * reach it, and the slot is what a salvage later reads the lost commits from.
     */
    public static void unsubscribe(Connection dba, boolean publisherReachable) throws SQLException {
        if (!subscribed(dba)) {
            return;
        }
        Statements.execute(dba, "ALTER SUBSCRIPTION %I DISABLE", SUBSCRIPTION);
        if (!publisherReachable) {
            Statements.execute(dba, "ALTER SUBSCRIPTION %I SET (slot_name = NONE)", SUBSCRIPTION);
        }
        Statements.execute(dba, "DROP SUBSCRIPTION %I", SUBSCRIPTION);
    }

    /** Waits until every subscribed table has finished its initial copy, telling {@code progress} how many have. */
    public static void awaitInitialCopy(Connection dba, Progress progress) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(INITIAL_COPY);
        while (true) {
            long copied;
            long tables;
            try (PreparedStatement query = dba.prepareStatement("SELECT count(*) FILTER (WHERE r.srsubstate = 'r'), "
                    + "count(*) FROM pg_subscription_rel r JOIN pg_subscription s ON s.oid = r.srsubid "
                    + "WHERE s.subname = ?")) {
                query.setString(1, SUBSCRIPTION);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    copied = row.getLong(1);
                    tables = row.getLong(2);
                }
            }
            progress.counted("tables copied", copied, tables);
            // a subscription that lists no table yet has copied nothing
            if (tables > 0 && copied == tables) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SQLException("the initial copy did not finish within " + INITIAL_COPY.toMinutes() + " min");
            }
            Thread.sleep(100);
        }
    }
}
