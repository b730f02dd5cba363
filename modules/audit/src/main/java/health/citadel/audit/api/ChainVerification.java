package health.citadel.audit.api;

/**
 * The outcome of checking the audit chain end to end.
 *
 * @param ok                  whether every link, seal and checkpoint holds
 * @param eventsChecked       how many chained events were checked
 * @param firstBrokenPosition the first position where the chain does not hold, or null
 * @param problem             what is wrong there, in words without data, or null
 */
public record ChainVerification(boolean ok, long eventsChecked, Long firstBrokenPosition, String problem) {
}
