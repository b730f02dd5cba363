package health.citadel.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the field a JSON body failed to bind at, from the binder's (Yasson's) message, which nests one
 * "Unable to deserialize property 'x' because of: " per level: those are the request type's own property names.
 * Nothing else of the message is kept: it can quote the submitted value, or an unknown field's submitted name. A message of another shape (an enum's, a UUID's, which name no property) gives the
 * general answer.
 */
final class BindingFailure {

    static final String GENERAL = "the body has a field this request does not take, or a value of the wrong type";
    private static final Pattern LEVEL = Pattern.compile("Unable to deserialize property '([A-Za-z0-9_]+)' because of: ");
    private static final Pattern UNKNOWN = Pattern.compile("Json property (\\S+) can not be mapped");

    private BindingFailure() {
    }

    static String detail(String message) {
        if (message == null) {
            return GENERAL;
        }
        List<String> path = new ArrayList<>();
        Matcher level = LEVEL.matcher(message);
        int at = 0;
        while (level.find(at) && level.start() == at) {
            path.add(level.group(1));
            at = level.end();
        }
        if (UNKNOWN.matcher(message).region(at, message.length()).lookingAt()) {
            // the unknown field's name is submitted text (a test sends a patient's name as one): never quoted
            return (path.isEmpty() ? "the body" : String.join(".", path)) + ": has a field this request does not take";
        }
        return path.isEmpty() ? GENERAL
                : String.join(".", path) + ": not a valid value for this field (check its type and format)";
    }
}
