package health.citadel.app.portal;

import health.citadel.identity.api.Caller;
import health.citadel.identity.api.Permission;
import java.util.List;

/** The portal's task pages and the permission each needs: a person sees in the navigation only what they may do. */
final class PortalTasks {

    /** A task page: its label, where it is, and the permission of the permission table it needs. */
    record Task(String label, String path, Permission needs) {
    }

    private static final List<Task> TASKS = List.of(
            new Task("My patients", "/portal/patients", Permission.READ_CLINICAL),
            new Task("Find a patient", "/portal/patients/search", Permission.READ_DEMOGRAPHICS),
            new Task("Register a patient", "/portal/patients/new", Permission.WRITE_DEMOGRAPHICS),
            new Task("My chart", "/portal/my-chart", Permission.READ_OWN_CHART),
            new Task("Who looked at my record", "/portal/my-record/access", Permission.READ_OWN_ACCESS_LOG),
            new Task("Access log", "/portal/audit/events", Permission.READ_AUDIT_LOG),
            new Task("Audit chain", "/portal/audit/verify", Permission.READ_AUDIT_LOG),
            new Task("Alerts", "/portal/audit/alerts", Permission.READ_AUDIT_LOG),
            new Task("Break-the-glass review", "/portal/audit/break-glass", Permission.REVIEW_ACCESS),
            new Task("Access review", "/portal/access-review", Permission.REVIEW_ACCESS),
            new Task("Care teams", "/portal/admin/care-teams", Permission.MANAGE_CARE_TEAMS),
            new Task("Restricted patients", "/portal/admin/restriction", Permission.MANAGE_RESTRICTION),
            new Task("Key rotations", "/portal/admin/key-rotations", Permission.MANAGE_KEYS),
            new Task("DBA console", "/portal/dr", Permission.VIEW_REPLICATION));

    private PortalTasks() {
    }

    static List<Task> allowedTo(Caller caller) {
        return TASKS.stream().filter(task -> caller.may(task.needs())).toList();
    }
}
