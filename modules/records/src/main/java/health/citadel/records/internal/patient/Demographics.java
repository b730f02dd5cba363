package health.citadel.records.internal.patient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who the patient is: everything here is PHI and is stored only encrypted, as one document. The shape follows
 * FHIR's Patient (identifier, name, birthDate, gender, address, telecom, contact, deceased) so a FHIR
 * mapping can follow.
 */
@Schema(description = "Who the patient is, shaped like FHIR's Patient. Stored encrypted; reads return the national "
        + "identifier masked to its last four characters (wholly, when shorter than 8).")
public record Demographics(
        @Schema(description = "Medical record number, unique in the hospital.", example = "MRN-004211")
        @NotNull @Pattern(regexp = "[A-Z0-9-]{4,20}", message = "must be 4 to 20 capital letters, digits or dashes")
        String mrn,
        @Schema(description = "Family name (surname).", example = "Okafor")
        @NotBlank @Size(max = 100) String familyName,
        @Schema(description = "Given names, in order; one to five.")
        @NotNull @Size(min = 1, max = 5) List<@NotBlank @Size(max = 100) String> givenNames,
        @Schema(description = "Date of birth.", example = "1984-03-12")
        @NotNull @PastOrPresent LocalDate birthDate,
        @Schema(description = "Administrative sex, as FHIR codes it.")
        @NotNull AdministrativeSex sex,
        @Schema(description = "Home address.")
        @Valid Address address,
        @Schema(description = "Telephone number.", example = "+44 20 7946 0958")
        @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a telephone number") String phone,
        @Schema(description = "Email address.", example = "a.okafor@example.org")
        @Email @Size(max = 254) String email,
        @Schema(description = "National identifier. Sent in full; every read returns it masked to its last four "
                + "characters (****6789), or wholly (****) when shorter than 8. Revealing it in full is a separate, "
                + "audited request.")
        @Pattern(regexp = "[A-Za-z0-9-]{4,32}", message = "must be 4 to 32 letters, digits or dashes") String nationalId,
        @Schema(description = "Whom to call in an emergency.")
        @Valid EmergencyContact emergencyContact,
        @Schema(description = "Whether the patient has died.")
        boolean deceased) {

    /** FHIR's administrative gender. */
    @Schema(description = "Administrative sex (FHIR administrative gender).")
    public enum AdministrativeSex {
        MALE, FEMALE, OTHER, UNKNOWN
    }

    @Schema(description = "A postal address.")
    public record Address(@Schema(description = "Street lines, up to three.") @Size(max = 3)
                          List<@NotBlank @Size(max = 200) String> lines,
                          @Schema(description = "Town or city.", example = "Leeds") @Size(max = 100) String city,
                          @Schema(description = "Postal code.", example = "LS1 4AP") @Size(max = 20) String postalCode,
                          @Schema(description = "ISO 3166-1 alpha-2 country code.", example = "GB")
                          @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code") String country) {
    }

    @Schema(description = "The person to call in an emergency.")
    public record EmergencyContact(@Schema(description = "Their name.", example = "Chidi Okafor")
                                   @NotBlank @Size(max = 200) String name,
                                   @Schema(description = "How they are related to the patient.", example = "brother")
                                   @Size(max = 50) String relationship,
                                   @Schema(description = "Their telephone number.", example = "+44 113 496 0000")
                                   @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a telephone number")
                                   String phone) {
    }

    public Demographics {
        givenNames = givenNames == null ? null : List.copyOf(givenNames);
    }

    /** The same with another national identifier. */
    Demographics withNationalId(String replacement) {
        return new Demographics(mrn, familyName, givenNames, birthDate, sex, address, phone, email, replacement,
                emergencyContact, deceased);
    }

    /**
     * The same, with the national identifier cut to its last four characters; one shorter than
     * {@value #SHOWN_FROM_LENGTH} is hidden whole, since its last four would be most or all of it.
     */
    Demographics masked() {
        return new Demographics(mrn, familyName, givenNames, birthDate, sex, address, phone, email,
                nationalId == null ? null : "****" + (nationalId.length() < SHOWN_FROM_LENGTH ? ""
                        : nationalId.substring(nationalId.length() - 4)),
                emergencyContact, deceased);
    }

    private static final int SHOWN_FROM_LENGTH = 8;
}
