package health.citadel.dr.api;

import java.util.Optional;

/** Replication health for the DBA console and for readiness. */
public interface ReplicationMonitor {

    /** Probes both regions now; empty where no standby region is configured. */
    Optional<ReplicationStatus> probe();
}
