package health.citadel.records.web;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.records.internal.keys.KeyRotation;
import health.citadel.records.internal.keys.KeyRotations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Online rotation of the chart's keys, for administrators with a recent second factor. */
@Path("/v1/keys/rotations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeyRotationResource {

    @Schema(description = "A run of a key rotation.")
    public static class Run {
        @NotNull
        @Schema(description = "Which keys to rotate.")
        public KeyRotation.Kind kind;

        /** Stop after this many patients (the rest on the next run); all of them when absent. */
        @Min(1)
        @Max(Integer.MAX_VALUE)
        @Schema(description = "Stop after this many patients, leaving the rest for the next run; all of them when "
                + "absent.", example = "500")
        public Integer maxPatients;
    }

    @Inject
    KeyRotations rotations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.MANAGE_KEYS)
    @Operation(summary = "Rotate keys", description = "KEY_ENCRYPTION_KEY re-wraps every data key under the key "
            + "file's new primary key (a KMS key: under its newest material, two KMS calls a patient); DATA_KEYS gives every patient a new data key and re-encrypts their values, "
            + "history included. Resumes an unfinished rotation of the same kind. Needs a recent second factor; "
            + "audited as KEY_ROTATION. 503 with Retry-After while the KMS cannot be reached; the next run resumes.")
    public KeyRotation run(@RequestBody(description = "Which keys to rotate, and how many patients this run.")
                           @NotNull @Valid Run run) {
        return rotations.run(run.kind, run.maxPatients == null ? Integer.MAX_VALUE : run.maxPatients);
    }

    @GET
    @RequiresPermission(Permission.MANAGE_KEYS)
    @Operation(summary = "Key rotations", description = "Newest first, with how many patients each has done.")
    public List<KeyRotation> list() {
        return rotations.list();
    }
}
