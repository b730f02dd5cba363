package health.citadel.audit.internal;

import health.citadel.audit.api.CanonicalEvent;
import health.citadel.audit.api.AuditEvent;
import health.citadel.platform.jdbc.Statements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Appends committed, unlinked events to the chain in one transaction; {@link HeadSigner} then signs the head in
 * the same transaction. Only one linker works at a time across all application instances (a transaction-scoped
 * advisory lock), which is what keeps positions gapless; business transactions never take that lock.
 */
final class ChainLinker {

    /**
     * What one batch linked, in chain order, and the head it left.
     *
     * @param head null when another instance holds the linker's lock
     */
    record Batch(List<AuditEvent> linked, ChainExpectations.Head head) {
    }

    /** How far behind the last linked event a late-committing event is still looked for. */
    static final long LATE_COMMIT_WINDOW = 100_000;
    static final int BATCH = 1000;
    private static final long LOCK_KEY = 0x636974_6164656CL; // "citadel"
    private static final Logger LOG = Logger.getLogger(ChainLinker.class.getName());

    private final AuditKeys keys;
    private final SealedHere sealedHere;
    private final LateCommits lateCommits;

    ChainLinker(AuditKeys keys, SealedHere sealedHere, LateCommits lateCommits) {
        this.keys = keys;
        this.sealedHere = sealedHere;
        this.lateCommits = lateCommits;
    }

    Batch linkPending(Connection connection) throws SQLException {
        if (!Statements.exists(connection, "SELECT 1 WHERE pg_try_advisory_xact_lock(?)", LOCK_KEY)) {
            return new Batch(List.of(), null);
        }
        long position = 0;
        long lastSeq = 0;
        byte[] head = ChainMath.GENESIS;
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT position, hash, event_seq FROM audit.chain_link ORDER BY position DESC LIMIT 1");
             ResultSet row = last.executeQuery()) {
            if (row.next()) {
                position = row.getLong(1);
                head = row.getBytes(2);
                lastSeq = row.getLong(3);
            }
        }
        List<Object[]> links = new ArrayList<>();
        List<AuditEvent> linked = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        Instant now = Instant.now();
        boolean sweep = lateCommits.sweepDue(lastSeq, now);
        try (PreparedStatement pending = connection.prepareStatement("SELECT seq, " + EventRows.COLUMNS
                + " FROM audit.access_event e WHERE " + (sweep ? "e.seq > ?" : "(e.seq > ? OR e.seq = ANY (?))")
                + " AND NOT EXISTS (SELECT 1 FROM audit.chain_link l WHERE l.event_id = e.id) ORDER BY e.seq LIMIT ?")) {
            int parameter = 1;
            if (sweep) {
                pending.setLong(parameter++, lastSeq - LATE_COMMIT_WINDOW);
            } else {
                pending.setLong(parameter++, lateCommits.highWater());
                pending.setArray(parameter++, connection.createArrayOf("bigint", lateCommits.holes(now)));
            }
            pending.setInt(parameter, BATCH);
            try (ResultSet rows = pending.executeQuery()) {
                while (rows.next()) {
                    seen.add(rows.getLong("seq"));
                    AuditEvent event = EventRows.read(rows);
                    byte[] canonical = CanonicalEvent.of(event);
                    byte[] seal = rows.getBytes("seal");
                    if (!sealedHere.vouchesFor(event.id(), canonical, seal) && !keys.verifies(seal, canonical)) {
                        // not written by the application: keep it out of the chain, where the verifier reports it
                        LOG.severe(() -> "Audit event " + event.id() + " has an invalid seal and is not chained");
                        continue;
                    }
                    byte[] hash = ChainMath.link(head, canonical, seal);
                    links.add(new Object[] {++position, event.id(), rows.getLong("seq"), head, hash});
                    linked.add(event);
                    head = hash;
                }
            }
        }
        long headSeq = links.isEmpty() ? lastSeq : (Long) links.get(links.size() - 1)[2];
        lateCommits.recordBatch(lastSeq, seen, headSeq, sweep, now);
        sealedHere.forgetOlderThan(now.minus(SealedHere.KEPT));
        if (!links.isEmpty()) {
            insert(connection, links);
        }
        return new Batch(linked, new ChainExpectations.Head(position, head));
    }

    private static void insert(Connection connection, List<Object[]> links) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit.chain_link "
                + "(position, event_id, event_seq, previous_hash, hash) VALUES (?, ?, ?, ?, ?)")) {
            for (Object[] link : links) {
                insert.setLong(1, (Long) link[0]);
                insert.setObject(2, (UUID) link[1]);
                insert.setLong(3, (Long) link[2]);
                insert.setBytes(4, (byte[]) link[3]);
                insert.setBytes(5, (byte[]) link[4]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
