package health.citadel.dr.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.time.Instant;

/**
 * What a failover did, as {@code bin/citadel dr failover --json} prints it.
 *
 * @param estimatedRpoMillis the last known lag plus one heartbeat: how much the commits lost may span
 * @param lastAppliedCommit  the writer's time of the newest commit the standby had applied; null where unknown
 * @param appliedLsn         the writer's WAL position the standby had applied; null where unknown
 */
@JsonbPropertyOrder({"from", "to", "epoch", "estimatedRpoMillis", "lastKnownLagMillis", "tookMillis",
        "lastAppliedCommit", "appliedLsn"})
public record FailoverReport(String from, String to, long epoch,
                             @JsonbTypeSerializer(JsonDecimal.class) double estimatedRpoMillis,
                             @JsonbTypeSerializer(JsonDecimal.class) double lastKnownLagMillis,
                             @JsonbTypeSerializer(JsonDecimal.class) double tookMillis,
                             @JsonbNillable Instant lastAppliedCommit, @JsonbNillable String appliedLsn) {
}
