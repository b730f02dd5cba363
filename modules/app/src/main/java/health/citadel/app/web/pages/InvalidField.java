package health.citadel.app.web.pages;

import health.citadel.platform.page.Page;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A form's field that does not hold what the task needs: the form is shown again with the field named and the
 * reason, and nothing is done. The message is ours; it never quotes what was typed.
 */
class InvalidField extends RuntimeException {

    private final String field;

    InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** The form page again, with this error beside its field, answered 400. */
    Response on(Page form) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(form.with(Map.of("error", new FormError(field, getMessage())))).build();
    }

    /** What a template shows: which field, and why. */
    record FormError(String field, String message) {
    }
}
