package health.citadel.identity.api;

import java.util.Arrays;
import java.util.Optional;

/** The Keycloak realm roles Citadel knows. A role name it does not know grants nothing. */
public enum Role {
    PHYSICIAN("physician"),
    NURSE("nurse"),
    FRONT_DESK("front_desk"),
    AUDITOR("auditor"),
    ADMIN("admin"),
    DBA("dba"),
    PATIENT("patient");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The name as it appears in the token's {@code groups} claim. */
    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
