package health.citadel.records.internal.patient;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.Permission;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.records.internal.ChartHistory;
import health.citadel.records.internal.keys.ChartKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;

/**
 * A patient's versions as Envers keeps them ({@link ChartHistory}): the list, one version, a field-level diff,
 * and a revert that writes an old state as a new revision. History is never rewritten.
 */
@ApplicationScoped
public class PatientHistory {

    /** One field that differs between two revisions, by its path in the patient document. */
    @Schema(description = "One field that differs between two revisions, masked as reads are.")
    public record FieldChange(@Schema(description = "The field's path in the patient document.",
                                      example = "address.lines[0]") String field,
                              @Schema(description = "Its value before; absent when it was not set.") String from,
                              @Schema(description = "Its value after; absent when it was removed.") String to) {
    }

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    @Inject
    ChartKeys keys;

    @Inject
    SealedDemographics sealed;

    @Inject
    PatientRows rows;

    @Inject
    ChartAccess access;

    @Inject
    ChartHistory chartHistory;

    @Transactional
    public List<ChartHistory.Revision> revisions(UUID id) {
        access.require(Permission.READ_DEMOGRAPHICS, id);
        Patient patient = rows.find(id);
        List<ChartHistory.Revision> revisions = versions(id).stream().map(ChartHistory.Version::revision).toList();
        access.audit(AuditAction.READ, "Patient.history", patient, null);
        return revisions;
    }

    /** Every revision of the patient, oldest first; the caller has checked access. */
    public List<ChartHistory.Version<Patient>> versions(UUID id) {
        return chartHistory.versions(Patient.class, AuditEntity.id().eq(id));
    }

    @Transactional
    public PatientView asOf(UUID id, long revision) {
        access.require(Permission.READ_DEMOGRAPHICS, id);
        Patient then = version(id, revision);
        access.audit(AuditAction.READ, "Patient.history", rows.find(id), "revision " + revision);
        return PatientRows.view(then, sealed.open(then));
    }

    /** The fields that differ from one revision to another, masked as reads are. */
    @Transactional
    public List<FieldChange> diff(UUID id, long from, long to) {
        access.require(Permission.READ_DEMOGRAPHICS, id);
        Map<String, String> before = fields(version(id, from));
        Map<String, String> after = fields(version(id, to));
        List<FieldChange> changes = new ArrayList<>();
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changes.add(new FieldChange(field, before.get(field), after.get(field)));
            }
        }
        access.audit(AuditAction.READ, "Patient.history", rows.find(id), "diff " + from + ".." + to);
        return changes;
    }

    /** Writes the state of {@code revision} as a new revision of the current patient. */
    @Transactional
    public PatientView revert(UUID id, long expectedVersion, long revision, String reason) {
        access.require(Permission.WRITE_DEMOGRAPHICS, id);
        Patient patient = rows.current(id, expectedVersion);
        Patient then = version(id, revision);
        Demographics old = sealed.open(then);
        // the restricted flag is not the front desk's to change: it stays as it is (see PatientRegister.restrict)
        sealed.seal(patient, keys.of(id), old, patient.restricted());
        access.change(AuditAction.REVERT, "Patient", patient, reason);
        return PatientRows.view(rows.flushed(patient), old);
    }

    /** The patient as one of its own revisions left it; any other revision number is not found. */
    private Patient version(UUID id, long revision) {
        boolean own = reader().getRevisions(Patient.class, id).stream().anyMatch(number -> number.longValue() == revision);
        Patient then = own ? reader().find(Patient.class, id, revision) : null;
        if (then == null) {
            throw RequestRefused.notFound("no such revision of this patient");
        }
        return then;
    }

    private Map<String, String> fields(Patient patient) {
        Map<String, String> fields = new TreeMap<>();
        try (JsonReader json = Json.createReader(new StringReader(SealedDemographics.toJson(sealed.open(patient).masked())))) {
            flatten("", json.readObject(), fields);
        }
        fields.put("restricted", Boolean.toString(patient.restricted()));
        fields.put("retired", Boolean.toString(patient.retired()));
        return fields;
    }

    static void flatten(String path, JsonValue value, Map<String, String> into) {
        switch (value.getValueType()) {
            case OBJECT -> ((JsonObject) value).forEach((name, child) ->
                    flatten(path.isEmpty() ? name : path + "." + name, child, into));
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    flatten(path + "[" + i + "]", array.get(i), into);
                }
            }
            case STRING -> into.put(path, ((JsonString) value).getString());
            case NULL -> { }
            default -> into.put(path, value.toString());
        }
    }

    private AuditReader reader() {
        return AuditReaderFactory.get(entityManager);
    }
}
