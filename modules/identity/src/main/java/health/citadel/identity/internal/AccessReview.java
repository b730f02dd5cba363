package health.citadel.identity.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** One run of the access review and what it found. */
public record AccessReview(UUID id, Instant startedAt, Instant finishedAt, Trigger trigger, String requestedBy,
                           List<Finding> findings) {

    public enum Trigger {
        SCHEDULED, ON_DEMAND
    }

    public enum Kind {
        /** An enabled account with no login within the dormancy window. */
        DORMANT_ACCOUNT,
        /** A staff member who can sign in with a password alone. */
        STAFF_WITHOUT_OTP,
        /** Roles that one person should not hold together, e.g. an administrator who also treats patients. */
        CONFLICTING_ROLES,
        /** A break-the-glass grant no auditor has judged within the allowed time. */
        UNREVIEWED_BREAK_GLASS,
        /** The realm does not keep login events long enough to tell dormant accounts from active ones. */
        LOGIN_EVENTS_NOT_KEPT
    }

    /**
     * @param userId   the identity provider's id of the account concerned, if the finding is about one
     * @param username its login name, so an administrator can act on it
     * @param detail   what was found, in words; never a patient's data
     */
    public record Finding(Kind kind, String userId, String username, String detail) {
    }

    public AccessReview {
        // kept to the microsecond, as PostgreSQL stores it, so a report reads back exactly as it was returned
        startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
        finishedAt = finishedAt.truncatedTo(ChronoUnit.MICROS);
        findings = List.copyOf(findings);
    }
}
