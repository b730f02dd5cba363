package health.citadel.dr.internal.health;

import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Replication;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One look at both regions, straight from their catalogs: who the writer is (the highest topology epoch), its
 * WAL position and replication slot, the standby's subscription, apply worker and errors, the newest heartbeat
 * the standby has applied, and whether the application is fenced out of the standby and not the writer. Shared
 * by the application and by {@code bin/citadel dr status}, which works when the application is down.
 */
public final class ReplicationProbe {

    /** Opens a connection to a region's database; fails when the region does not answer. */
    @FunctionalInterface
    public interface RegionConnector {
        Connection open(String region) throws SQLException;
    }

    private final List<String> regions;
    private final RegionConnector connector;
    private final ApplicationLogins application;

    /**
     * @param regions     the region names, the usual writer first
     * @param application the logins that must be fenced out of every region but the writer
     */
    public ReplicationProbe(List<String> regions, RegionConnector connector, ApplicationLogins application) {
        if (regions.size() != 2) {
            throw new IllegalArgumentException("replication runs between exactly two regions");
        }
        this.regions = List.copyOf(regions);
        this.connector = connector;
        this.application = application;
    }

    public ReplicationStatus probe() {
        List<String> problems = new ArrayList<>();
        Map<String, Connection> open = new LinkedHashMap<>();
        try {
            Map<String, ReplicationStatus.Region> seen = new LinkedHashMap<>();
            for (String region : regions) {
                seen.put(region, look(region, open, problems));
            }
            String writerName = seen.values().stream().filter(r -> r.epoch() != null)
                    .max(Comparator.comparingLong(ReplicationStatus.Region::epoch))
                    .map(ReplicationStatus.Region::writerRegion).filter(seen::containsKey).orElse(regions.get(0));
            String standbyName = regions.get(0).equals(writerName) ? regions.get(1) : regions.get(0);
            if (seen.values().stream().map(ReplicationStatus.Region::epoch).filter(e -> e != null).distinct().count() > 1) {
                problems.add("the regions have recorded different topology epochs");
            }
            checkFences(writerName, open.get(writerName), standbyName, open.get(standbyName), problems);
            return measure(seen.get(writerName), open.get(writerName), seen.get(standbyName), open.get(standbyName),
                    problems);
        } finally {
            open.values().forEach(ReplicationProbe::closeQuietly);
        }
    }

    private ReplicationStatus.Region look(String region, Map<String, Connection> open, List<String> problems) {
        try {
            Connection connection = connector.open(region);
            open.put(region, connection);
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT epoch, writer_region FROM dr.topology ORDER BY epoch DESC LIMIT 1");
                 ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return new ReplicationStatus.Region(region, true, row.getLong(1), row.getString(2));
                }
                problems.add("region " + region + " has no topology epoch");
                return new ReplicationStatus.Region(region, true, null, null);
            }
        } catch (SQLException e) {
            problems.add("region " + region + " cannot be read (SQLState " + e.getSQLState() + ")");
            return new ReplicationStatus.Region(region, open.containsKey(region), null, null);
        }
    }

    /**
     * The application may write to the writer and to nothing else: an unfenced standby or stale former writer is
     * one mistaken connection away from split brain, and a fenced writer refuses every write.
     */
    private void checkFences(String writer, Connection writerDb, String standby, Connection standbyDb,
                             List<String> problems) {
        try {
            if (standbyDb != null && !RegionFence.raised(standbyDb, application)) {
                problems.add("region " + standby + " is not the writer, yet the application is not fenced out of it: "
                        + "fence it (bin/citadel dr fence " + standby + ")");
            }
            if (writerDb != null && RegionFence.raised(writerDb, application)) {
                problems.add("the writer, region " + writer + ", is fenced: the application cannot write");
            }
        } catch (SQLException e) {
            problems.add("the fences cannot be read (SQLState " + e.getSQLState() + ")");
        }
    }

    private static ReplicationStatus measure(ReplicationStatus.Region writer, Connection writerDb,
                                             ReplicationStatus.Region standby, Connection standbyDb,
                                             List<String> problems) {
        Instant probedAt = Instant.now();
        StandbySide applied = null;
        if (standbyDb != null && standby.reachable()) {
            try {
                applied = StandbySide.read(standbyDb);
                if (applied.subscription() == null) {
                    problems.add("region " + standby.name() + " has no subscription");
                } else if (!applied.subscription().enabled()) {
                    problems.add("the subscription is disabled");
                } else if (!applied.subscription().workerRunning()) {
                    problems.add("the apply worker is not running");
                }
                if (applied.heartbeat() == null) {
                    problems.add("the standby has applied no heartbeat");
                }
            } catch (SQLException e) {
                problems.add("the standby's subscription cannot be read (SQLState " + e.getSQLState() + ")");
            }
        }
        Double lagSeconds = null;
        Long lagBytes = null;
        ReplicationStatus.Slot slot = null;
        if (writerDb != null && writer.reachable()) {
            try {
                try (PreparedStatement query = writerDb.prepareStatement("SELECT now()");
                     ResultSet row = query.executeQuery()) {
                    row.next();
                    probedAt = row.getTimestamp(1).toInstant();
                }
                if (applied != null && applied.heartbeat() != null) {
                    lagSeconds = Math.max(0, Duration.between(applied.heartbeat(), probedAt).toNanos() / 1e9);
                }
                if (applied != null && applied.appliedLsn() != null) {
                    lagBytes = Math.max(0, single(writerDb, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)",
                            applied.appliedLsn()));
                }
                // the writer's own view of the slot, readable while the standby is down; the slot is named after
                // the subscription unless the standby says otherwise
                slot = slot(writerDb, applied != null && applied.slotName() != null ? applied.slotName()
                        : Replication.SUBSCRIPTION);
                if (slot == null) {
                    problems.add("the writer has no replication slot for the subscription");
                } else if (!slot.active()) {
                    problems.add("the replication slot is not in use");
                }
            } catch (SQLException e) {
                problems.add("the writer's replication state cannot be read (SQLState " + e.getSQLState() + ")");
            }
        }
        return new ReplicationStatus(probedAt, writer, standby, lagSeconds, lagBytes, slot,
                applied == null ? null : applied.subscription(), applied == null ? null : applied.heartbeat(),
                List.copyOf(problems));
    }

    /** What the standby has applied, from its own catalogs. */
    private record StandbySide(ReplicationStatus.Subscription subscription, String slotName, String appliedLsn,
                               Instant heartbeat) {

        static StandbySide read(Connection standby) throws SQLException {
            ReplicationStatus.Subscription subscription = null;
            String slotName = null;
            String appliedLsn = null;
            try (PreparedStatement query = standby.prepareStatement("SELECT s.subname, s.subenabled, s.subslotname, "
                    + "st.pid IS NOT NULL, coalesce(ss.apply_error_count, 0), coalesce(ss.sync_error_count, 0), "
                    + "o.remote_lsn::text FROM pg_subscription s "
                    + "LEFT JOIN pg_stat_subscription st ON st.subid = s.oid AND st.relid IS NULL "
                    + "LEFT JOIN pg_stat_subscription_stats ss ON ss.subid = s.oid "
                    + "LEFT JOIN pg_replication_origin_status o ON o.external_id = 'pg_' || s.oid "
                    + "WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                    + "ORDER BY s.subname LIMIT 1");
                 ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    subscription = new ReplicationStatus.Subscription(row.getString(1), row.getBoolean(2),
                            row.getBoolean(4), row.getLong(5), row.getLong(6));
                    slotName = row.getString(3);
                    appliedLsn = row.getString(7);
                }
            }
            Instant heartbeat = null;
            try (PreparedStatement query = standby.prepareStatement("SELECT beat_at FROM dr.heartbeat WHERE id = 1");
                 ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    heartbeat = row.getTimestamp(1).toInstant();
                }
            }
            return new StandbySide(subscription, slotName, appliedLsn, heartbeat);
        }
    }

    private static ReplicationStatus.Slot slot(Connection writer, String name) throws SQLException {
        try (PreparedStatement query = writer.prepareStatement("SELECT s.slot_name, s.active, s.wal_status, "
                + "pg_wal_lsn_diff(pg_current_wal_lsn(), s.restart_lsn)::bigint, "
                + "pg_wal_lsn_diff(pg_current_wal_lsn(), s.confirmed_flush_lsn)::bigint, "
                + "extract(epoch FROM now() - CASE WHEN s.active THEN r.reply_time ELSE s.inactive_since END) "
                + "FROM pg_replication_slots s LEFT JOIN pg_stat_replication r ON r.pid = s.active_pid "
                + "WHERE s.slot_name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Long unconfirmed = nullable(row.getLong(5), row);
                Double age = nullable(row.getDouble(6), row);
                return new ReplicationStatus.Slot(row.getString(1), row.getBoolean(2), row.getString(3),
                        nullable(row.getLong(4), row), unconfirmed,
                        unconfirmed != null && unconfirmed <= 0 ? Double.valueOf(0) : age == null ? null : Math.max(0, age));
            }
        }
    }

    /** The value just read, or null where the column was SQL NULL. */
    private static <T> T nullable(T value, ResultSet row) throws SQLException {
        return row.wasNull() ? null : value;
    }

    private static long single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return (long) row.getDouble(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a probe's connection; nothing was written
        }
    }
}
