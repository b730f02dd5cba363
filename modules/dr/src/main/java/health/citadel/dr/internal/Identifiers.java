package health.citadel.dr.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.core.Utils;

/** Names from a catalog, quoted by the driver as SQL identifiers, for statements that cannot bind them. */
public final class Identifiers {

    private Identifiers() {
    }

    public static String quoted(String identifier) {
        try {
            return Utils.escapeIdentifier(null, identifier).toString();
        } catch (SQLException e) {
            throw new IllegalArgumentException("not a usable identifier", e);
        }
    }

    /** {@code schema.table} as a quoted qualified name. */
    public static String table(String qualified) {
        String[] parts = qualified.split("\\.", 2);
        return quoted(parts[0]) + "." + quoted(parts[1]);
    }

    public static String list(List<String> columns) {
        return columns.stream().map(Identifiers::quoted).collect(Collectors.joining(", "));
    }
}
