package health.citadel.audit.api;

import java.time.Instant;

/**
 * The checkpoint witness this instance writes, as an auditor checks it beside the chain.
 *
 * @param file           where it is, as configured ({@code citadel.audit.witness.file})
 * @param readable       whether it could be read; an unreadable witness proves nothing
 * @param checkpoints    how many signed checkpoints it holds
 * @param newestPosition the chain position of the newest checkpoint it holds, or null when it holds none
 * @param newestHash     the chain's hash at that position, in hex, or null
 * @param newestSignedAt when that checkpoint was signed, or null
 */
public record ChainWitness(String file, boolean readable, int checkpoints, Long newestPosition, String newestHash,
                           Instant newestSignedAt) {
}
