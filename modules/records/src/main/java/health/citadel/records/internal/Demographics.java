package health.citadel.records.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Who the patient is: everything here is PHI and is stored only encrypted, as one document. The shape follows
 * FHIR's Patient (identifier, name, birthDate, gender, address, telecom, contact, deceased) so a FHIR
 * mapping can follow.
 */
public record Demographics(
        @NotNull @Pattern(regexp = "[A-Z0-9-]{4,20}", message = "must be 4 to 20 capital letters, digits or dashes")
        String mrn,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @Size(min = 1, max = 5) List<@NotBlank @Size(max = 100) String> givenNames,
        @NotNull @PastOrPresent LocalDate birthDate,
        @NotNull AdministrativeSex sex,
        @Valid Address address,
        @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a telephone number") String phone,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "[A-Za-z0-9-]{4,32}", message = "must be 4 to 32 letters, digits or dashes") String nationalId,
        @Valid EmergencyContact emergencyContact,
        boolean deceased) {

    /** FHIR's administrative gender. */
    public enum AdministrativeSex {
        MALE, FEMALE, OTHER, UNKNOWN
    }

    public record Address(@Size(max = 3) List<@NotBlank @Size(max = 200) String> lines,
                          @Size(max = 100) String city,
                          @Size(max = 20) String postalCode,
                          @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code") String country) {
    }

    public record EmergencyContact(@NotBlank @Size(max = 200) String name,
                                   @Size(max = 50) String relationship,
                                   @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a telephone number")
                                   String phone) {
    }

    public Demographics {
        givenNames = givenNames == null ? null : List.copyOf(givenNames);
    }

    /** The same, with the national identifier cut to its last four characters. */
    Demographics masked() {
        return new Demographics(mrn, familyName, givenNames, birthDate, sex, address, phone, email,
                nationalId == null ? null : "****" + nationalId.substring(Math.max(0, nationalId.length() - 4)),
                emergencyContact, deceased);
    }
}
