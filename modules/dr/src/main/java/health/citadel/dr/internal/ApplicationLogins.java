package health.citadel.dr.internal;

import java.util.List;

/**
 * The database logins the application uses: {@code app} for rows, {@code owner} for migrations, and
 * {@code console} for the DBA console's DR operations (empty where there is none). Every subscription is handed
 * to {@code console}, so that the console and {@code bin/citadel dr} can both alter and drop it.
 */
public record ApplicationLogins(String app, String owner, String console) {

    /** The logins a fence keeps out; the console's is not among them, since it runs the DR operations. */
    public List<String> all() {
        return List.of(app, owner);
    }
}
