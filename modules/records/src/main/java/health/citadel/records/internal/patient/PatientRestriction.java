package health.citadel.records.internal.patient;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The restricted flag as the administrator who manages it sees it: no demographics. */
@Schema(description = "A patient's restricted flag, without the demographics.")
public record PatientRestriction(
        @Schema(description = "The patient's id.") UUID id,
        @Schema(description = "The record's version, also sent as its ETag.", example = "3") long version,
        @Schema(description = "A VIP or an employee: every access raises an alert.") boolean restricted) {
}
