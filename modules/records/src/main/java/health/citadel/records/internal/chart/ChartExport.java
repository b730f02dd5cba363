package health.citadel.records.internal.chart;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.Permission;
import health.citadel.records.internal.ChartHistory;
import health.citadel.records.internal.patient.ChartAccess;
import health.citadel.records.internal.patient.Demographics;
import health.citadel.records.internal.patient.Patient;
import health.citadel.records.internal.patient.PatientHistory;
import health.citadel.records.internal.patient.PatientRows;
import health.citadel.records.internal.patient.SealedDemographics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.envers.query.AuditEntity;

/**
 * The GDPR right of access: the whole chart, every entry and every version of each, as one document,
 * unmasked, for the patient themself or for staff who proved a second factor. Audited as EXPORT, which the
 * bulk-export rule watches.
 */
@ApplicationScoped
public class ChartExport {

    /** One version of the patient in the export. */
    @Schema(description = "One version of the patient, unmasked.")
    public record ExportedVersion(@Schema(description = "Who made it, when and why.") ChartHistory.Revision revision,
                                  @Schema(description = "The demographics as that revision left them, unmasked.")
                                  Demographics demographics,
                                  @Schema(description = "Whether the patient was restricted then.") boolean restricted,
                                  @Schema(description = "Whether the record was retired then.") boolean retired) {
    }

    /** One version of one chart entry in the export. */
    @Schema(description = "One version of one chart entry.")
    public record ExportedEntryVersion(@Schema(description = "Who made it, when and why.")
                                       ChartHistory.Revision revision,
                                       @Schema(description = "The entry's id.") UUID entryId,
                                       @Schema(description = "The kind, as the path names it.", example = "notes")
                                       String kind,
                                       @Schema(description = "The content as that revision left it, in the shape of "
                                               + "its kind; documents with their bytes.") Object content,
                                       @Schema(description = "Whether the entry was retired then.") boolean retired) {
    }

    @Schema(name = "ChartExport", description = "Everything the hospital holds about the patient (GDPR right of "
            + "access): current state and every version, unmasked.")
    public record Document(@Schema(description = "When the export was made.") Instant exportedAt,
                           @Schema(description = "The patient's id.") UUID patientId,
                           @Schema(description = "Current demographics, unmasked.") Demographics demographics,
                           @Schema(description = "A VIP or an employee.") boolean restricted,
                           @Schema(description = "Whether the record is retired.") boolean retired,
                           @Schema(description = "Every version of the patient, oldest first.")
                           List<ExportedVersion> history,
                           @Schema(description = "Every chart entry as it is now, retired ones included; documents "
                                   + "with their bytes.") List<ClinicalChart.Entry> entries,
                           @Schema(description = "Every version of every entry, oldest first.")
                           List<ExportedEntryVersion> entryHistory) {
    }

    @Inject
    PatientRows rows;

    @Inject
    PatientHistory history;

    @Inject
    ChartHistory chartHistory;

    @Inject
    SealedDemographics sealed;

    @Inject
    ClinicalChart clinicalChart;

    @Inject
    ChartAccess access;

    @Transactional
    public Document export(UUID id) {
        access.require(Permission.EXPORT_CHART, id);
        Patient patient = rows.find(id);
        List<ExportedVersion> versions = history.versions(id).stream().map(version -> new ExportedVersion(
                version.revision(), sealed.open(version.state()), version.state().restricted(),
                version.state().retired())).toList();
        access.audit(AuditAction.EXPORT, "Patient", patient, null);
        List<ExportedEntryVersion> entryVersions = entryVersions(id).stream().map(version ->
                new ExportedEntryVersion(version.revision(), version.state().id(), version.state().kind().path(),
                        clinicalChart.open(version.state()), version.state().retired())).toList();
        return new Document(Instant.now(), id, sealed.open(patient), patient.restricted(), patient.retired(), versions,
                clinicalChart.entriesOf(id), entryVersions);
    }

    /** Every revision of every chart entry of the patient, oldest first; the caller has checked access. */
    private List<ChartHistory.Version<ChartEntry>> entryVersions(UUID patientId) {
        return chartHistory.versions(ChartEntry.class, AuditEntity.property("patientId").eq(patientId));
    }
}
