package health.citadel.platform.page;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A form's field that does not hold what the task needs: the form is shown again with the field named and the
 * reason, and nothing is done. The message is ours; it never quotes what was typed.
 */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The form page again, with this error beside its field, answered 400. */
    public Response on(Page form) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(form.with(Map.of("error", new FormError(field, getMessage())))).build();
    }

    /** What a template shows: which field, and why. */
    public record FormError(String field, String message) {
    }
}
