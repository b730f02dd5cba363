package health.citadel.records.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Why a change, a reveal or an erasure is made: kept on the revision and in the audit log. */
public class Reason {

    @NotNull
    @Size(min = 5, max = 1000)
    public String reason;
}
