package health.citadel.records.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a change, a reveal or an erasure is made: kept on the revision and in the audit log. */
@Schema(description = "Why the change, reveal or erasure is made.")
public class Reason {

    @NotNull
    @Size(min = 5, max = 1000)
    @Schema(description = "Why, in a sentence; kept in the audit log, and on the revision of a change.",
            example = "Registered twice at the front desk")
    public String reason;
}
