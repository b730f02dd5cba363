package health.citadel.records.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.criteria.AuditCriterion;

/**
 * The chart's versions as Envers keeps them, each with the revision that wrote it: a patient's own and its
 * entries' alike. History is never rewritten.
 */
@ApplicationScoped
public class ChartHistory {

    /** One revision of a row: when, who, why, in which request, and whether it created, changed or deleted it. */
    @Schema(description = "One revision: when, who, why, in which request, and what it did.")
    public record Revision(@Schema(description = "The revision number, as history/{revision} and the diff take it.",
                                   example = "2") long revision,
                           @Schema(description = "When it was written.") Instant at,
                           @Schema(description = "Who wrote it: the identity provider's id of the user, never a name.")
                           String actorId,
                           @Schema(description = "Why, as given with the change.") String reason,
                           @Schema(description = "The request that wrote it, as the audit log names it.")
                           String requestId,
                           @Schema(description = "What it did.", enumeration = {"CREATED", "CHANGED", "DELETED"})
                           String change) {
    }

    /** A revision with the row as it left it. */
    public record Version<T>(Revision revision, T state) {
    }

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    /** Every revision of the rows {@code which} selects, oldest first; the caller has checked access. */
    public <T> List<Version<T>> versions(Class<T> type, AuditCriterion which) {
        List<?> found = AuditReaderFactory.get(entityManager).createQuery().forRevisionsOfEntity(type, false, true)
                .add(which).addOrder(AuditEntity.revisionNumber().asc()).getResultList();
        List<Version<T>> versions = new ArrayList<>();
        for (Object row : found) {
            Object[] columns = (Object[]) row;
            ChartRevision revision = (ChartRevision) columns[1];
            versions.add(new Version<>(new Revision(revision.id(), Instant.ofEpochMilli(revision.at()),
                    revision.actorId(), revision.reason(), revision.requestId(), change((RevisionType) columns[2])),
                    type.cast(columns[0])));
        }
        return versions;
    }

    private static String change(RevisionType type) {
        return switch (type) {
            case ADD -> "CREATED";
            case MOD -> "CHANGED";
            case DEL -> "DELETED";
        };
    }
}
