package health.citadel.dr.api;

import java.util.List;

/**
 * The DR operations for the DBA console, run, journaled and recorded for the audit exactly as
 * {@code bin/citadel dr} runs them. Each answers the operation's report, which JSON-B writes as the same JSON as
 * the command line's {@code --json}. Who may call them, and with which factors, is the caller's to check.
 *
 * <p>Refusals are {@link health.citadel.platform.problem.RequestRefused}: 404 where no standby region is
 * configured or the region is not one of them, 503 where the DBA login is not configured, 409 when the operation
 * was refused or failed (journaled and recorded all the same) or another one is running, and 400 for a failover
 * whose data loss was not accepted.
 */
public interface DisasterRecovery {

    /** The configured regions' names; empty where there is no standby region. */
    List<String> regions();

    /** A planned move of the writer to the standby that loses nothing. */
    SwitchoverReport switchover(String operator);

    /** Promotes the standby without the writer: only when {@code acceptDataLoss}, since its unapplied commits are lost. */
    FailoverReport failover(String operator, boolean acceptDataLoss);

    /** Keeps the application out of {@code region}. */
    FenceReport fence(String operator, String region);

    /** Makes a former writer the standby again; its lost commits' slot is dropped only if {@code discardLostCommits}. */
    RejoinReport rejoin(String operator, String region, boolean discardLostCommits);

    /**
     * The operation journal's newest records, newest first, from this console and from {@code bin/citadel dr}
     * where they share the journal.
     */
    List<JournalEntry> journal(int newest);

    /** Compares every replicated table in both regions: whether they are the same, and each table's row counts. */
    RegionsCompared verify();
}
