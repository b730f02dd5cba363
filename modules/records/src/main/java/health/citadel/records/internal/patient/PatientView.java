package health.citadel.records.internal.patient;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A patient as the API shows it: demographics decrypted and masked for the caller; the stored row is
 * {@link Patient}. The OpenAPI component keeps its published name, which clients generate code from.
 */
@Schema(name = "PatientRecord",
        description = "A patient as the API returns it: demographics decrypted, the national identifier masked.")
public record PatientView(
        @Schema(description = "The patient's id, as the paths take it.") UUID id,
        @Schema(description = "The record's version, also sent as its ETag; a change sends it back in If-Match.",
                example = "3") long version,
        @Schema(description = "Who the patient is; the national identifier masked to its last four characters, "
                + "or wholly when shorter than 8.")
        Demographics demographics,
        @Schema(description = "A VIP or an employee: every access raises an alert.") boolean restricted,
        @Schema(description = "Retired as a duplicate or in error; still readable, with its history.") boolean retired,
        @Schema(description = "When the patient was registered.") Instant createdAt,
        @Schema(description = "When the record last changed.") Instant updatedAt) {
}
