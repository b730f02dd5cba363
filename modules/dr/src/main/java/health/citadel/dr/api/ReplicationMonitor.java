package health.citadel.dr.api;

/** Replication health for the DBA console and for readiness. */
public interface ReplicationMonitor {

    /** Probes both regions now; empty where no standby region is configured. */
    java.util.Optional<ReplicationStatus> probe();
}
