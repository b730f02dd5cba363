package health.citadel.audit.internal;

import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.CanonicalEvent;
import health.citadel.platform.jdbc.Statements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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

    /** The newest link: where the next one goes. Before the first link it is the genesis. */
    record Tip(long position, byte[] hash, long eventSeq) {

        static final Tip GENESIS = new Tip(0, ChainMath.GENESIS, 0);
    }

    /** An unlinked event as the log holds it, with its canonical form and the seal over that form. */
    record Pending(long seq, AuditEvent event, byte[] canonical, byte[] seal) {
    }

    /** One row of {@code audit.chain_link}: the event at a position, hashed onto its predecessor's hash. */
    record Link(long position, AuditEvent event, long eventSeq, byte[] previousHash, byte[] hash) {
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
        Tip tip = tip(connection);
        Instant now = Instant.now();
        boolean sweep = lateCommits.sweepDue(tip.eventSeq(), now);
        List<Pending> pending = readPending(connection, tip, sweep, now);
        List<Link> links = link(tip, pending, this::sealedByTheApplication);
        Tip newTip = links.isEmpty() ? tip : tipOf(links.get(links.size() - 1));
        lateCommits.recordBatch(tip.eventSeq(), pending.stream().map(Pending::seq).toList(), newTip.eventSeq(),
                sweep, now);
        sealedHere.forgetOlderThan(now.minus(SealedHere.KEPT));
        if (!links.isEmpty()) {
            insert(connection, links);
        }
        return new Batch(links.stream().map(Link::event).toList(),
                new ChainExpectations.Head(newTip.position(), newTip.hash()));
    }

    private static Tip tip(Connection connection) throws SQLException {
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT position, hash, event_seq FROM audit.chain_link ORDER BY position DESC LIMIT 1");
             ResultSet row = last.executeQuery()) {
            return row.next() ? new Tip(row.getLong(1), row.getBytes(2), row.getLong(3)) : Tip.GENESIS;
        }
    }

    /**
     * The unlinked events after the tip, in log order: normally the new ones and the holes still open, in a sweep
     * everything within {@link #LATE_COMMIT_WINDOW} of the tip. Each part is its own range or list on the
     * {@code seq} index: an {@code OR} of the two would filter the whole log, already linked events included, at
     * every batch.
     */
    private List<Pending> readPending(Connection connection, Tip tip, boolean sweep, Instant now)
            throws SQLException {
        String unlinked = " AND NOT EXISTS (SELECT 1 FROM audit.chain_link l WHERE l.event_id = e.id)";
        String after = "(SELECT seq, " + EventRows.COLUMNS + " FROM audit.access_event e WHERE e.seq > ?" + unlinked
                + " ORDER BY e.seq LIMIT ?)";
        String sql = sweep ? after : "SELECT * FROM (" + after + " UNION ALL (SELECT seq, " + EventRows.COLUMNS
                + " FROM audit.access_event e WHERE e.seq = ANY (?)" + unlinked + ")) pending ORDER BY seq LIMIT ?";
        List<Pending> pending = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (sweep) {
                query.setLong(1, tip.eventSeq() - LATE_COMMIT_WINDOW);
                query.setInt(2, BATCH);
            } else {
                query.setLong(1, lateCommits.highWater());
                query.setInt(2, BATCH);
                query.setArray(3, connection.createArrayOf("bigint", lateCommits.holes(now)));
                query.setInt(4, BATCH);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    AuditEvent event = EventRows.read(rows);
                    pending.add(new Pending(rows.getLong("seq"), event, CanonicalEvent.of(event),
                            rows.getBytes("seal")));
                }
            }
        }
        return pending;
    }

    /** Whether this instance sealed the event, or else whether its seal verifies: only then is it chained. */
    private boolean sealedByTheApplication(Pending event) {
        return sealedHere.vouchesFor(event.event().id(), event.canonical(), event.seal())
                || keys.verifies(event.seal(), event.canonical());
    }

    /**
     * Links each pending event onto the one before it, from the tip on, in the order given. An event whose seal
     * does not hold is left out of the chain, where the verifier reports it.
     */
    static List<Link> link(Tip tip, List<Pending> pending, Predicate<Pending> sealed) {
        List<Link> links = new ArrayList<>();
        long position = tip.position();
        byte[] head = tip.hash();
        for (Pending event : pending) {
            if (!sealed.test(event)) {
                LOG.severe(() -> "Audit event " + event.event().id() + " has an invalid seal and is not chained");
                continue;
            }
            byte[] hash = ChainMath.link(head, event.canonical(), event.seal());
            links.add(new Link(++position, event.event(), event.seq(), head, hash));
            head = hash;
        }
        return links;
    }

    private static Tip tipOf(Link link) {
        return new Tip(link.position(), link.hash(), link.eventSeq());
    }

    private static void insert(Connection connection, List<Link> links) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit.chain_link "
                + "(position, event_id, event_seq, previous_hash, hash) VALUES (?, ?, ?, ?, ?)")) {
            for (Link link : links) {
                insert.setLong(1, link.position());
                insert.setObject(2, link.event().id());
                insert.setLong(3, link.eventSeq());
                insert.setBytes(4, link.previousHash());
                insert.setBytes(5, link.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
