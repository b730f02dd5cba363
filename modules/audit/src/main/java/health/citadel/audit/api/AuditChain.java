package health.citadel.audit.api;

/** The tamper-evidence of the audit log. */
public interface AuditChain {

    /** Walks the whole chain and checks every link, seal and signed checkpoint, and the witness's checkpoints. */
    ChainVerification verify();

    /** The checkpoint witness as it stands now: where it is and the newest checkpoint it holds. */
    ChainWitness witness();
}
