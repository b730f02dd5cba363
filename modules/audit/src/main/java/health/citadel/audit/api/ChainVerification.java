package health.citadel.audit.api;

/**
 * The outcome of checking the audit chain end to end.
 *
 * @param ok                  whether every link, seal, checkpoint and witnessed checkpoint holds
 * @param eventsChecked       how many chained events were checked
 * @param firstBrokenPosition the first position where the chain does not hold, or null
 * @param problem             what is wrong there, in words without data, or null
 * @param headPosition        the last position verified: an auditor keeps it with {@code headHash} and later checks
 *                            {@code verify --expect-head position:hash}
 * @param headHash            the chain's hash at that position, in hex
 */
public record ChainVerification(boolean ok, long eventsChecked, Long firstBrokenPosition, String problem,
                                long headPosition, String headHash) {
}
