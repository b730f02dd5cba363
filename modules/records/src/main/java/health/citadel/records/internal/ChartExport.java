package health.citadel.records.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The GDPR right of access: the whole chart, every entry and every version of each, as one document,
 * unmasked, for the patient themself or for staff who proved a second factor. Audited as EXPORT, which the
 * bulk-export rule watches.
 */
@ApplicationScoped
public class ChartExport {

    /** One version of the patient in the export. */
    public record ExportedVersion(PatientHistory.Revision revision, Demographics demographics, boolean restricted,
                                  boolean retired) {
    }

    /** One version of one chart entry in the export. */
    public record ExportedEntryVersion(PatientHistory.Revision revision, UUID entryId, String kind, Object content,
                                       boolean retired) {
    }

    public record Document(Instant exportedAt, UUID patientId, Demographics demographics, boolean restricted,
                           boolean retired, List<ExportedVersion> history, List<ClinicalChart.Entry> entries,
                           List<ExportedEntryVersion> entryHistory) {
    }

    @Inject
    PatientRows rows;

    @Inject
    PatientHistory history;

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
        List<ExportedEntryVersion> entryVersions = history.entryVersions(id).stream().map(version ->
                new ExportedEntryVersion(version.revision(), version.state().id(), version.state().kind().path(),
                        clinicalChart.open(version.state()), version.state().retired())).toList();
        return new Document(Instant.now(), id, sealed.open(patient), patient.restricted(), patient.retired(), versions,
                clinicalChart.entriesOf(id), entryVersions);
    }
}
