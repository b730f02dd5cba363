package health.citadel.dr.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.util.List;

/**
 * What a switchover did, as {@code bin/citadel dr switchover --json} prints it.
 *
 * @param writeUnavailableMillis from the fence to the new writer's opening
 * @param steps                  each step and how long it took, in order
 */
@JsonbPropertyOrder({"from", "to", "epoch", "writeUnavailableMillis", "sequencesMoved", "steps"})
public record SwitchoverReport(String from, String to, long epoch,
                               @JsonbTypeSerializer(JsonDecimal.class) double writeUnavailableMillis,
                               int sequencesMoved, List<Step> steps) {

    /** One step of the switchover. */
    @JsonbPropertyOrder({"step", "millis"})
    public record Step(String step, @JsonbTypeSerializer(JsonDecimal.class) double millis) {
    }
}
