package health.citadel.dr.internal.operations;

import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Replication;
import health.citadel.dr.internal.Topology;
import health.citadel.platform.jdbc.Statements;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recovers the commits a failover lost. The old writer, fenced, still holds them in the replication slot the
 * standby's subscription used; a temporary copy of that slot is moved past everything the standby applied and
 * read without consuming anything. Each lost commit is then tried on the new writer, in commit order, inside
 * one transaction: a commit applies only if every row it changed is still as it was when the commit was made
 * there (the whole row, thanks to {@code REPLICA IDENTITY FULL}) and nothing else refuses it; otherwise it is
 * a conflict for a person. Without {@code apply} everything is rolled back: the DBA sees the verdicts first.
 * Once every lost commit is applied or already present the slot is dropped, so a rejoin needs no override.
 */
final class Salvage {

    /** The chain is the new writer's to build: salvaged events are linked there, after its own. */
    static final Set<String> DERIVED_TABLES = Set.of("audit.chain_link", "audit.chain_checkpoint");
    private static final String COPY = "citadel_salvage";

    public enum Verdict { APPLIES, ALREADY_PRESENT, CONFLICT }

    /**
     * One lost commit's verdict; {@code reason} says why it conflicts, without any row's content; {@code keys}
     * names the row each change is about by its primary key.
     */
    public record Outcome(LostCommit commit, Verdict verdict, String reason, List<String> keys) {
    }

    /** @param slotDropped the old writer's slot was dropped because nothing in it is left unsettled */
    public record Report(String from, String to, String appliedLsn, boolean applied, List<Outcome> outcomes,
                         boolean slotDropped) {

        public long count(Verdict verdict) {
            return outcomes.stream().filter(outcome -> outcome.verdict() == verdict).count();
        }
    }

    private final RegionAccess regions;

    public Salvage(RegionAccess regions) {
        this.regions = regions;
    }

    public Report run(String oldWriter, boolean apply) throws SQLException {
        String writer = regions.other(oldWriter);
        try (Connection old = regions.dba(oldWriter); Connection current = regions.dba(writer)) {
            Topology.Epoch epoch = Topology.current(current)
                    .orElseThrow(() -> new SQLException("region " + writer + " has no topology epoch"));
            if (!epoch.writer().equals(writer)) {
                throw new SQLException("region " + writer + " is not the writer of epoch " + epoch.number()
                        + ": salvage runs after a failover, into the region that took over");
            }
            RegionFence.raise(old, regions.application());
            if (!Statements.exists(old, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ? AND NOT active "
                    + "AND database = current_database()", Replication.SUBSCRIPTION)) {
                return new Report(oldWriter, writer, null, apply, List.of(), false);
            }
            String appliedLsn = appliedLsn(current, oldWriter);
            List<LostCommit> lost = read(old, appliedLsn);
            List<Outcome> outcomes = new CommitReplay(current).replay(lost, apply);
            boolean settled = apply && outcomes.stream().noneMatch(outcome -> outcome.verdict() == Verdict.CONFLICT);
            if (settled) {
                Statements.execute(old, "SELECT pg_drop_replication_slot(%L)", Replication.SUBSCRIPTION);
            }
            return new Report(oldWriter, writer, appliedLsn, apply, outcomes, settled);
        }
    }

    /**
     * Where the standby stood when it was promoted, from the failover's own record on the new writer. Without
     * it the slot is read from its start, and commits the standby already had are found present row by row.
     */
    private static String appliedLsn(Connection writer, String oldWriter) throws SQLException {
        for (String detail : Statements.column(writer, "SELECT detail FROM dr.operation WHERE action = 'DR_FAILOVER' "
                + "AND outcome = 'SUCCESS' ORDER BY finished_at DESC LIMIT 1")) {
            JsonObject report = Json.createReader(new StringReader(detail)).readObject();
            if (oldWriter.equals(report.getString("from", null)) && !report.isNull("appliedLsn")) {
                return report.getString("appliedLsn");
            }
        }
        return null;
    }

    /** The lost commits to salvageable tables, read from a temporary copy of the slot, which stays untouched. */
    private static List<LostCommit> read(Connection old, String appliedLsn) throws SQLException {
        Statements.execute(old, "SELECT pg_copy_logical_replication_slot(%L, %L, true)", Replication.SUBSCRIPTION, COPY);
        try {
            if (appliedLsn != null) {
                Statements.column(old, "SELECT pg_replication_slot_advance(slot_name, ?::pg_lsn) FROM "
                        + "pg_replication_slots WHERE slot_name = ? AND confirmed_flush_lsn < ?::pg_lsn",
                        appliedLsn, COPY, appliedLsn);
            }
            List<byte[]> messages = new ArrayList<>();
            try (PreparedStatement peek = old.prepareStatement("SELECT data FROM pg_logical_slot_peek_binary_changes("
                    + "?, NULL, NULL, 'proto_version', '1', 'publication_names', ?)")) {
                peek.setString(1, COPY);
                peek.setString(2, Replication.PUBLICATION);
                try (ResultSet rows = peek.executeQuery()) {
                    while (rows.next()) {
                        messages.add(rows.getBytes(1));
                    }
                }
            }
            return PgOutput.decode(messages).stream().map(Salvage::salvageable)
                    .filter(commit -> !commit.changes().isEmpty()).toList();
        } finally {
            // a temporary slot ends with the session too; dropping it now keeps the old writer's WAL free
            Statements.column(old, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                    + "WHERE slot_name = ?", COPY);
        }
    }

    /** The module tables' changes; the heartbeat, the DR log and the audit chain are each region's own. */
    private static LostCommit salvageable(LostCommit commit) {
        return new LostCommit(commit.xid(), commit.committedAt(), commit.commitLsn(), commit.changes().stream()
                .filter(change -> Replication.PUBLISHED_SCHEMAS.contains(change.schema())
                        && !DERIVED_TABLES.contains(change.tableName()))
                .toList());
    }
}
