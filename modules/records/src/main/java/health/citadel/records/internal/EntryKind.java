package health.citadel.records.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of clinical chart entry, named as the API's path names them, each with the shape of its content.
 * The shapes follow the FHIR resources of the same name, so a FHIR mapping can follow.
 */
public enum EntryKind {
    ENCOUNTER("encounters", "Encounter", Encounter.class),
    OBSERVATION("observations", "Observation", Observation.class),
    CONDITION("conditions", "Condition", Condition.class),
    ALLERGY("allergies", "AllergyIntolerance", AllergyIntolerance.class),
    MEDICATION("medications", "MedicationStatement", MedicationStatement.class),
    NOTE("notes", "ClinicalNote", ClinicalNote.class),
    DOCUMENT("documents", "DocumentReference", Document.class);

    /** A visit: ambulatory, emergency, inpatient or virtual. */
    public record Encounter(@NotNull EncounterClass encounterClass, @NotNull Instant start, Instant end,
                            @Size(max = 200) String reason, @Size(max = 200) String location) {
    }

    public enum EncounterClass { AMBULATORY, EMERGENCY, INPATIENT, VIRTUAL }

    /** A vital sign or a lab result, coded (LOINC), with its value and unit. */
    public record Observation(@NotNull @Pattern(regexp = "[0-9A-Za-z.-]{1,20}", message = "must be a code") String code,
                              @NotBlank @Size(max = 200) String display, @NotNull Double value,
                              @NotBlank @Size(max = 20) String unit, @NotNull @PastOrPresent Instant effectiveAt) {
    }

    /** An entry of the problem list, coded (ICD-10 or SNOMED CT). */
    public record Condition(@NotNull @Pattern(regexp = "[0-9A-Za-z.-]{1,20}", message = "must be a code") String code,
                            @NotBlank @Size(max = 200) String display, @NotNull ClinicalStatus clinicalStatus,
                            @PastOrPresent LocalDate onset) {
    }

    public enum ClinicalStatus { ACTIVE, RECURRENCE, INACTIVE, RESOLVED }

    public record AllergyIntolerance(@NotBlank @Size(max = 200) String substance, @NotNull Criticality criticality,
                                     @Size(max = 500) String reaction) {
    }

    public enum Criticality { LOW, HIGH, UNABLE_TO_ASSESS }

    public record MedicationStatement(@NotBlank @Size(max = 200) String medication, @Size(max = 200) String dosage,
                                      @NotNull MedicationStatus status, LocalDate start, LocalDate end) {
    }

    public enum MedicationStatus { ACTIVE, COMPLETED, STOPPED, ON_HOLD }

    /** Free text, which is why every note is PHI and encrypted like the rest. */
    public record ClinicalNote(@NotNull NoteType type, @NotBlank @Size(max = 100_000) String text) {
    }

    public enum NoteType { PROGRESS, CONSULTATION, DISCHARGE, NURSING }

    /**
     * A PDF or an image, base64 in JSON. Its size and its first bytes are checked against its type before it
     * is stored: {@link ChartDocuments}.
     */
    public record Document(@NotBlank @Size(max = 200) String title,
                           @NotNull @Pattern(regexp = "application/pdf|image/png|image/jpeg",
                                   message = "must be application/pdf, image/png or image/jpeg") String contentType,
                           @NotNull byte[] data) {
    }

    /** What a list shows of a document: not its bytes. */
    public record DocumentSummary(String title, String contentType, int size) {
    }

    private final String path;
    private final String resourceType;
    private final Class<? extends Record> content;

    EntryKind(String path, String resourceType, Class<? extends Record> content) {
        this.path = path;
        this.resourceType = resourceType;
        this.content = content;
    }

    /** The name in the API's path, e.g. {@code observations}. */
    public String path() {
        return path;
    }

    /** The FHIR resource type, as the audit log names it. */
    String resourceType() {
        return resourceType;
    }

    Class<? extends Record> content() {
        return content;
    }

    /** The kind of a content record. */
    static EntryKind of(Record content) {
        return Arrays.stream(values()).filter(kind -> kind.content == content.getClass()).findFirst().orElseThrow();
    }

    public static Optional<EntryKind> fromPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }
}
