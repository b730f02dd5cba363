package health.citadel.dr.internal;

import java.util.List;

/** The database logins the application uses: {@code app} for rows, {@code owner} for migrations. */
public record ApplicationLogins(String app, String owner) {

    public List<String> all() {
        return List.of(app, owner);
    }
}
