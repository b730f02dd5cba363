package health.citadel.dr.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One record of the operation journal as it was written. A field the line lacks, or holds as other than text, is
 * null.
 *
 * @param outcome {@code SUCCESS} or {@code FAILURE}
 * @param detail  the operation's report as JSON text when it succeeded, why it did not in words otherwise
 */
@JsonbPropertyOrder({"id", "action", "operator", "region", "outcome", "finishedAt", "detail"})
public record JournalEntry(String id, String action, String operator, String region, String outcome,
                           String finishedAt, String detail) {
}
