package health.citadel.platform.web;

import health.citadel.platform.problem.RequestRefused;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Parses request parameters so that a bad value is a 400 naming the parameter (JAX-RS's own conversion
 * answers 404). The value itself is never echoed: it may be a person's data.
 */
public final class Parameters {

    private Parameters() {
    }

    public static UUID uuid(String name, String value) {
        return parse(name, value, UUID::fromString);
    }

    public static Instant instant(String name, String value) {
        return parse(name, value, Instant::parse);
    }

    public static LocalDate date(String name, String value) {
        return parse(name, value, LocalDate::parse);
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        return parse(name, value, text -> Enum.valueOf(type, text));
    }

    /** Null stays null: every parameter here is optional unless the caller checks. */
    private static <T> T parse(String name, String value, Function<String, T> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw RequestRefused.badRequest(name + " is not valid");
        }
    }
}
