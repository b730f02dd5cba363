package health.citadel.records.web.pages;

import health.citadel.records.internal.chart.EntryKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The form of one kind of chart entry, one input per field of the kind's content, and the content the form posts,
 * in the JSON the API's chart service takes. Types are checked here, so that an error names the field; the rules of
 * the content itself are the service's (its validation errors come back by field too).
 */
final class EntryForm {

    /** One input: its field's name, label, kind of control, choices for a list, current value and error. */
    record Input(String name, String label, String control, List<String> options, boolean required, String value,
                 String error) {
    }

    /** What the form posted: the content, or the errors by field (nothing is stored then). */
    record Posted(JsonObject content, Map<String, String> errors) {
    }

    /** A longer text than this is a paragraph, not a line. */
    private static final int LINE = 200;

    private EntryForm() {
    }

    static List<Input> inputs(EntryKind kind, Map<String, String> values, Map<String, String> errors) {
        return Arrays.stream(kind.content().getRecordComponents()).map(component -> {
            Class<?> type = component.getType();
            Method accessor = component.getAccessor();
            boolean required = accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class);
            Size size = accessor.getAnnotation(Size.class);
            String control = type.isEnum() ? "select" : type == Double.class ? "number" : type == LocalDate.class ? "date"
                    : type == Instant.class ? "datetime-local" : size != null && size.max() > LINE ? "textarea" : "text";
            List<String> options = type.isEnum()
                    ? Arrays.stream(type.getEnumConstants()).map(Object::toString).toList() : List.of();
            return new Input(component.getName(), label(component), control, options, required,
                    values.getOrDefault(component.getName(), ""), errors.get(component.getName()));
        }).toList();
    }

    /** The posted values of the kind's fields, blank ones left out. */
    static Map<String, String> values(EntryKind kind, Function<String, String> parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent component : kind.content().getRecordComponents()) {
            String value = parameter.apply(component.getName());
            if (value != null && !value.isBlank()) {
                values.put(component.getName(), value.strip());
            }
        }
        return values;
    }

    static Posted content(EntryKind kind, Map<String, String> values) {
        JsonObjectBuilder content = Json.createObjectBuilder();
        Map<String, String> errors = new LinkedHashMap<>();
        for (RecordComponent component : kind.content().getRecordComponents()) {
            String name = component.getName();
            String value = values.get(name);
            if (value == null) {
                continue;
            }
            Class<?> type = component.getType();
            try {
                if (type == Double.class) {
                    content.add(name, Double.parseDouble(value));
                } else if (type == Instant.class) {
                    content.add(name, LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toString());
                } else if (type == LocalDate.class) {
                    content.add(name, LocalDate.parse(value).toString());
                } else if (type.isEnum() && Arrays.stream(type.getEnumConstants()).noneMatch(c -> c.toString().equals(value))) {
                    errors.put(name, "must be one of the list");
                } else {
                    content.add(name, value);
                }
            } catch (NumberFormatException e) {
                errors.put(name, "must be a number");
            } catch (DateTimeParseException e) {
                errors.put(name, type == LocalDate.class ? "must be a date" : "must be a date and time");
            }
        }
        return new Posted(errors.isEmpty() ? content.build() : null, errors);
    }

    /** The service's validation errors by field, as its content's record names them. */
    static Map<String, String> errors(Set<ConstraintViolation<?>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(violation -> errors.merge(violation.getPropertyPath().toString(), violation.getMessage(),
                (first, second) -> first + "; " + second));
        return errors;
    }

    /** "effectiveAt" reads "Effective at (UTC)": the form takes an instant as UTC. */
    private static String label(RecordComponent component) {
        return EntryFields.label(component.getName()) + (component.getType() == Instant.class ? " (UTC)" : "");
    }
}
