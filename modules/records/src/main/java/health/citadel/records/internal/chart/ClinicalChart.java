package health.citadel.records.internal.chart;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.StrictJson;
import health.citadel.records.internal.keys.ChartKeys;
import health.citadel.records.internal.patient.ChartAccess;
import health.citadel.records.internal.patient.Patient;
import health.citadel.records.internal.patient.PatientRows;
import health.citadel.records.internal.patient.PatientView;
import health.citadel.records.internal.patient.SealedDemographics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The clinical chart: entries of each kind, added, read, listed, changed with If-Match and retired, each
 * under the access policy for clinical data (care team or break-the-glass), audited and versioned by Envers.
 */
@ApplicationScoped
public class ClinicalChart {

    /** An entry as the API shows it, its content decrypted. */
    @Schema(description = "A chart entry, its content decrypted.")
    public record Entry(@Schema(description = "The entry's id.") UUID id,
                        @Schema(description = "The entry's version, also sent as its ETag; a change sends it back in "
                                + "If-Match.", example = "1") long version,
                        @Schema(description = "The patient whose chart holds it.") UUID patientId,
                        @Schema(description = "The kind, as the path names it.", example = "observations",
                                enumeration = {"encounters", "observations", "conditions", "allergies", "medications",
                                        "notes", "documents"}) String kind,
                        @Schema(description = "The content, in the shape of its kind. In lists and the whole chart a "
                                + "document shows only its title, type and size.",
                                oneOf = {EntryKind.Encounter.class, EntryKind.Observation.class,
                                        EntryKind.Condition.class, EntryKind.AllergyIntolerance.class,
                                        EntryKind.MedicationStatement.class, EntryKind.ClinicalNote.class,
                                        EntryKind.Document.class, EntryKind.DocumentSummary.class}) Object content,
                        @Schema(description = "Retired as entered in error; kept, with its history.") boolean retired,
                        @Schema(description = "When it was added.") Instant createdAt,
                        @Schema(description = "When it last changed.") Instant updatedAt) {
    }

    @Schema(description = "One page of a patient's entries of one kind, newest first.")
    public record EntryPage(@Schema(description = "The entries, retired ones included and marked.") List<Entry> items,
                            @Schema(description = "The page number, from 0.") int page,
                            @Schema(description = "The page size asked for.") int size) {
    }

    /** The whole chart: demographics, masked, and every current entry by kind. */
    @Schema(description = "The whole chart: the patient, masked, and every current entry by kind.")
    public record Chart(@Schema(description = "The patient; the national identifier masked.") PatientView patient,
                        @Schema(description = "Current entries by kind (encounters, observations, conditions, "
                                + "allergies, medications, notes, documents), newest first; documents without their "
                                + "bytes.") Map<String, List<Entry>> entries) {
    }

    /** Content must have exactly the fields of its kind. */
    private static final Jsonb STRICT = StrictJson.BINDER;
    private static final int WHOLE_CHART_LIMIT = 1000;

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    @Inject
    ChartKeys keys;

    @Inject
    PatientRows rows;

    @Inject
    SealedDemographics sealed;

    @Inject
    ChartAccess access;

    @Inject
    Validator validator;

    @Inject
    CurrentCaller currentCaller;

    @Transactional
    public Entry add(UUID patientId, EntryKind kind, JsonObject content) {
        access.require(Permission.WRITE_CLINICAL, patientId);
        Patient patient = rows.find(patientId);
        Record valid = valid(kind, content);
        ChartEntry entry = enter(patientId, kind, valid);
        access.change(AuditAction.CREATE, kind.resourceType(), entry.id(), patient, null);
        return view(entry, valid);
    }

    /**
     * Checks content against its kind's rules as {@link #add} and {@link #update} do, storing nothing: a form shows
     * all its errors at once. Throws what they throw for invalid content.
     */
    public void check(EntryKind kind, JsonObject content) {
        valid(kind, content);
    }

    /** A new entry; the caller checks access and audits. */
    ChartEntry enter(UUID patientId, EntryKind kind, Record content) {
        ChartEntry entry = new ChartEntry(UUID.randomUUID(), patientId, kind, Instant.now());
        seal(entry, content);
        entityManager.persist(entry);
        return entry;
    }

    @Transactional
    public Entry read(UUID patientId, EntryKind kind, UUID entryId) {
        access.require(Permission.READ_CLINICAL, patientId);
        Patient patient = rows.find(patientId);
        ChartEntry entry = find(patientId, kind, entryId);
        access.audit(AuditAction.READ, kind.resourceType(), entryId, patient, null);
        return view(entry, open(entry));
    }

    /** The entries of one kind, newest first, retired ones included and marked. */
    @Transactional
    public EntryPage list(UUID patientId, EntryKind kind, int page, int size) {
        access.require(Permission.READ_CLINICAL, patientId);
        Patient patient = rows.find(patientId);
        List<Entry> entries = entityManager.createQuery("SELECT e FROM ChartEntry e WHERE e.patientId = :patient "
                        + "AND e.kind = :kind ORDER BY e.createdAt DESC, e.id", ChartEntry.class)
                .setParameter("patient", patientId).setParameter("kind", kind)
                .setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(entry -> view(entry, listed(open(entry)))).toList();
        access.audit(AuditAction.READ, kind.resourceType(), null, patient, null);
        return new EntryPage(entries, page, size);
    }

    @Transactional
    public Entry update(UUID patientId, EntryKind kind, UUID entryId, long expectedVersion, JsonObject content,
                        String reason) {
        access.require(Permission.WRITE_CLINICAL, patientId);
        Patient patient = rows.find(patientId);
        ChartEntry entry = current(patientId, kind, entryId, expectedVersion);
        Record valid = valid(kind, content);
        seal(entry, valid);
        access.change(AuditAction.UPDATE, kind.resourceType(), entryId, patient, reason);
        return view(rows.flushed(entry), valid);
    }

    @Transactional
    public Entry retire(UUID patientId, EntryKind kind, UUID entryId, long expectedVersion, String reason) {
        access.require(Permission.WRITE_CLINICAL, patientId);
        Patient patient = rows.find(patientId);
        ChartEntry entry = current(patientId, kind, entryId, expectedVersion);
        entry.retire(Instant.now());
        access.change(AuditAction.DELETE, kind.resourceType(), entryId, patient, reason);
        return view(rows.flushed(entry), open(entry));
    }

    @Transactional
    public Chart chart(UUID patientId) {
        return chart(patientId, Permission.READ_CLINICAL);
    }

    /** The caller's own chart, for a patient: what the hospital holds about them. */
    @Transactional
    public Chart ownChart() {
        UUID own = currentCaller.get().patientId();
        if (own == null) {
            throw RequestRefused.notFound("this login is linked to no chart");
        }
        return chart(own, Permission.READ_OWN_CHART);
    }

    private Chart chart(UUID patientId, Permission permission) {
        access.require(permission, patientId);
        Patient patient = rows.find(patientId);
        Map<String, List<Entry>> byKind = new LinkedHashMap<>();
        for (EntryKind kind : EntryKind.values()) {
            byKind.put(kind.path(), new ArrayList<>());
        }
        entityManager.createQuery("SELECT e FROM ChartEntry e WHERE e.patientId = :patient AND e.retired = false "
                        + "ORDER BY e.createdAt DESC, e.id", ChartEntry.class)
                .setParameter("patient", patientId).setMaxResults(WHOLE_CHART_LIMIT).getResultList()
                .forEach(entry -> byKind.get(entry.kind().path()).add(view(entry, listed(open(entry)))));
        access.audit(AuditAction.READ, "Chart", patient, null);
        return new Chart(PatientRows.view(patient, sealed.open(patient)), byKind);
    }

    /** Every entry of the patient, current, for the export; the caller has checked access. */
    List<Entry> entriesOf(UUID patientId) {
        return entityManager.createQuery("SELECT e FROM ChartEntry e WHERE e.patientId = :patient "
                        + "ORDER BY e.createdAt, e.id", ChartEntry.class).setParameter("patient", patientId)
                .getResultList().stream().map(entry -> view(entry, open(entry))).toList();
    }

    private ChartEntry find(UUID patientId, EntryKind kind, UUID entryId) {
        ChartEntry entry = entityManager.find(ChartEntry.class, entryId);
        // an entry of another patient or kind is not found here: the path names both
        if (entry == null || !entry.patientId().equals(patientId) || entry.kind() != kind) {
            throw RequestRefused.notFound("no such entry in this chart");
        }
        return entry;
    }

    private ChartEntry current(UUID patientId, EntryKind kind, UUID entryId, long expectedVersion) {
        ChartEntry entry = find(patientId, kind, entryId);
        if (entry.version() != expectedVersion) {
            throw PatientRows.staleVersion();
        }
        return entry;
    }

    /** The content in the shape of its kind, or 400 naming the field paths; values are never echoed. */
    private Record valid(EntryKind kind, JsonObject content) {
        Record parsed;
        try {
            parsed = STRICT.fromJson(content.toString(), kind.content());
        } catch (JsonbException e) {
            throw RequestRefused.badRequest("content has a field a " + kind.resourceType()
                    + " does not take, or a value of the wrong type");
        }
        Set<ConstraintViolation<Record>> violations = validator.validate(parsed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (parsed instanceof EntryKind.Document document) {
            ChartDocuments.check(document);
        }
        return parsed;
    }

    private void seal(ChartEntry entry, Record content) {
        entry.record(keys.of(entry.patientId()).encrypt(STRICT.toJson(content).getBytes(StandardCharsets.UTF_8),
                binding(entry)), Instant.now());
    }

    Record open(ChartEntry entry) {
        byte[] plaintext = keys.decrypt(entry.patientId(), "chart_entry", "content", entry.id(), entry.content());
        return STRICT.fromJson(new String(plaintext, StandardCharsets.UTF_8), entry.kind().content());
    }

    /** In lists and the whole chart a document shows its title, type and size; its bytes are read one by one. */
    private static Record listed(Record content) {
        return content instanceof EntryKind.Document document ? ChartDocuments.summary(document) : content;
    }

    private static byte[] binding(ChartEntry entry) {
        return ChartKeys.binding("chart_entry", "content", entry.id());
    }

    private static Entry view(ChartEntry entry, Record content) {
        return new Entry(entry.id(), entry.version(), entry.patientId(), entry.kind().path(), content, entry.retired(),
                entry.createdAt(), entry.updatedAt());
    }
}
