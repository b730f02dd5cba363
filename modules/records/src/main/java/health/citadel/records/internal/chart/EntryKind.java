package health.citadel.records.internal.chart;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    @Schema(description = "An encounter (path `encounters`): a visit, as FHIR's Encounter.")
    public record Encounter(@Schema(description = "The kind of visit.") @NotNull EncounterClass encounterClass,
                            @Schema(description = "When the visit began.") @NotNull Instant start,
                            @Schema(description = "When it ended; absent while it goes on.") Instant end,
                            @Schema(description = "Why the patient came.", example = "Chest pain")
                            @Size(max = 200) String reason,
                            @Schema(description = "Ward, clinic or room.", example = "Emergency department, bay 4")
                            @Size(max = 200) String location) {
    }

    @Schema(description = "The kind of visit.")
    public enum EncounterClass { AMBULATORY, EMERGENCY, INPATIENT, VIRTUAL }

    /** A vital sign or a lab result, coded (LOINC), with its value and unit. */
    @Schema(description = "An observation (path `observations`): a vital sign or a lab result, as FHIR's "
            + "Observation.")
    public record Observation(@Schema(description = "LOINC code.", example = "8867-4")
                              @NotNull @Pattern(regexp = "[0-9A-Za-z.-]{1,20}", message = "must be a code") String code,
                              @Schema(description = "What was measured, as people read it.", example = "Heart rate")
                              @NotBlank @Size(max = 200) String display,
                              @Schema(description = "The measured value.", example = "72") @NotNull Double value,
                              @Schema(description = "Its unit (UCUM).", example = "/min")
                              @NotBlank @Size(max = 20) String unit,
                              @Schema(description = "When it was measured or the sample taken.")
                              @NotNull @PastOrPresent Instant effectiveAt) {
    }

    /** An entry of the problem list, coded (ICD-10 or SNOMED CT). */
    @Schema(description = "A condition (path `conditions`): an entry of the problem list, as FHIR's Condition.")
    public record Condition(@Schema(description = "ICD-10 or SNOMED CT code.", example = "E11.9")
                            @NotNull @Pattern(regexp = "[0-9A-Za-z.-]{1,20}", message = "must be a code") String code,
                            @Schema(description = "The condition, as people read it.",
                                    example = "Type 2 diabetes mellitus")
                            @NotBlank @Size(max = 200) String display,
                            @Schema(description = "Whether it is active.") @NotNull ClinicalStatus clinicalStatus,
                            @Schema(description = "When it began.") @PastOrPresent LocalDate onset) {
    }

    @Schema(description = "Whether a condition is active.")
    public enum ClinicalStatus { ACTIVE, RECURRENCE, INACTIVE, RESOLVED }

    @Schema(description = "An allergy or intolerance (path `allergies`), as FHIR's AllergyIntolerance.")
    public record AllergyIntolerance(@Schema(description = "What the patient reacts to.", example = "Penicillin")
                                     @NotBlank @Size(max = 200) String substance,
                                     @Schema(description = "How dangerous a reaction could be.")
                                     @NotNull Criticality criticality,
                                     @Schema(description = "What happens.", example = "Hives")
                                     @Size(max = 500) String reaction) {
    }

    @Schema(description = "How dangerous a reaction could be.")
    public enum Criticality { LOW, HIGH, UNABLE_TO_ASSESS }

    @Schema(description = "A medication (path `medications`) the patient takes or took, as FHIR's "
            + "MedicationStatement.")
    public record MedicationStatement(@Schema(description = "The medicine.", example = "Metformin 500 mg tablets")
                                      @NotBlank @Size(max = 200) String medication,
                                      @Schema(description = "How much, how often.", example = "1 tablet twice daily")
                                      @Size(max = 200) String dosage,
                                      @Schema(description = "Whether it is still taken.")
                                      @NotNull MedicationStatus status,
                                      @Schema(description = "First day.") LocalDate start,
                                      @Schema(description = "Last day.") LocalDate end) {
    }

    @Schema(description = "Whether a medication is still taken.")
    public enum MedicationStatus { ACTIVE, COMPLETED, STOPPED, ON_HOLD }

    /** Free text, which is why every note is PHI and encrypted like the rest. */
    @Schema(description = "A clinical note (path `notes`): free text, encrypted like the rest of the chart.")
    public record ClinicalNote(@Schema(description = "The kind of note.") @NotNull NoteType type,
                               @Schema(description = "The note.") @NotBlank @Size(max = 100_000) String text) {
    }

    @Schema(description = "The kind of clinical note.")
    public enum NoteType { PROGRESS, CONSULTATION, DISCHARGE, NURSING }

    /**
     * A PDF or an image, base64 in JSON. Its size and its first bytes are checked against its type before it
     * is stored: {@link ChartDocuments}.
     */
    @Schema(description = "A document (path `documents`): a PDF, PNG or JPEG, base64 in JSON, at most 5 MiB. Its "
            + "first bytes must match its content type.")
    public record Document(@Schema(description = "What the document is.", example = "Discharge letter")
                           @NotBlank @Size(max = 200) String title,
                           @Schema(description = "The file's type.", example = "application/pdf")
                           @NotNull @Pattern(regexp = "application/pdf|image/png|image/jpeg",
                                   message = "must be application/pdf, image/png or image/jpeg") String contentType,
                           @Schema(description = "The file, base64-encoded.", type = SchemaType.STRING, format = "byte")
                           @NotNull byte[] data) {
    }

    /** What a list shows of a document: not its bytes. */
    @Schema(description = "A document as lists and the whole chart show it, without its bytes; read the entry for "
            + "them.")
    public record DocumentSummary(@Schema(description = "What the document is.") String title,
                                  @Schema(description = "application/pdf, image/png or image/jpeg.") String contentType,
                                  @Schema(description = "Its size in bytes.") int size) {
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

    /** The record each entry of this kind holds, whose components a form asks for. */
    public Class<? extends Record> content() {
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
