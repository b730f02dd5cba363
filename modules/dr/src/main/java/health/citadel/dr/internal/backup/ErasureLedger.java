package health.citadel.dr.internal.backup;

import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.Topology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The live writer's erasure ledger, replayed into a restored database: a restore brings back rows as they were,
 * and a patient erased since then must stay erased.
 *
 * @param region the region whose ledger this is; null where none answered and the DBA chose to go on without
 */
record ErasureLedger(String region, List<Erasure> entries) {

    /** One entry, as the live writer holds it. */
    record Erasure(String patient, Timestamp erasedAt, String erasedBy, String requestId) {
    }

    ErasureLedger {
        entries = List.copyOf(entries);
    }

    /** @param withoutLiveLedger the DBA's acknowledgement that no region answers, so the replay must come later */
    static ErasureLedger live(RegionAccess regions, boolean withoutLiveLedger) throws SQLException {
        String writer;
        try {
            writer = Topology.newestWriter(regions);
        } catch (SQLException unreachable) {
            if (withoutLiveLedger) {
                return new ErasureLedger(null, List.of());
            }
            throw new SQLException("no region answers, so erasures made after the backup cannot be replayed; restore "
                    + "with --without-live-ledger only if you will replay the ledger once a region is back ("
                    + unreachable.getMessage() + ")", unreachable.getSQLState(), unreachable);
        }
        List<Erasure> ledger = new ArrayList<>();
        try (Connection dba = regions.dba(writer);
             PreparedStatement query = dba.prepareStatement("SELECT patient_id::text, erased_at, erased_by, request_id "
                     + "FROM records.erasure ORDER BY erased_at");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ledger.add(new Erasure(rows.getString(1), rows.getTimestamp(2), rows.getString(3), rows.getString(4)));
            }
        }
        return new ErasureLedger(writer, ledger);
    }

    /** @return how many patients' keys the replay destroyed again */
    int replayInto(Connection target) throws SQLException {
        int destroyed = 0;
        try (PreparedStatement replay = target.prepareStatement(
                "SELECT records.replay_erasure(?::uuid, ?, ?, ?)")) {
            for (Erasure erasure : entries) {
                replay.setString(1, erasure.patient());
                replay.setTimestamp(2, erasure.erasedAt());
                replay.setString(3, erasure.erasedBy());
                replay.setString(4, erasure.requestId());
                try (ResultSet row = replay.executeQuery()) {
                    row.next();
                    destroyed += row.getBoolean(1) ? 1 : 0;
                }
            }
        }
        return destroyed;
    }
}
