package health.citadel.dr.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The region that is the standby again and the writer it subscribes to, as {@code bin/citadel dr rejoin --json}
 * prints it.
 */
@JsonbPropertyOrder({"rejoined", "subscribesTo"})
public record RejoinReport(String rejoined, String subscribesTo) {
}
