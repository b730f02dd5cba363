package health.citadel.records.web.pages;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A chart entry's content as pages show it: its fields that hold a value, named as the API names them. */
final class EntryFields {

    /** One value of an entry, labelled as people read its field's name. */
    record Field(String label, String value) {
    }

    private EntryFields() {
    }

    /** The fields an entry's content has a value for; each kind's content is a record of its own shape. */
    static List<Field> of(Object content) {
        if (content == null || !content.getClass().isRecord()) {
            return List.of(new Field("content", String.valueOf(content)));
        }
        List<Field> fields = new ArrayList<>();
        set(content).forEach((name, value) -> fields.add(new Field(label(name), value.toString())));
        return fields;
    }

    /** The content's values by field, as a form's inputs take them back: an instant in UTC to the second. */
    static Map<String, String> values(Object content) {
        Map<String, String> values = new LinkedHashMap<>();
        set(content).forEach((name, value) -> values.put(name, value instanceof Instant instant
                ? LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString()
                : value.toString()));
        return values;
    }

    /** "effectiveAt" reads "Effective at". */
    static String label(String field) {
        String words = field.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The record's components that hold a value, in their order. */
    private static Map<String, Object> set(Object content) {
        Map<String, Object> set = new LinkedHashMap<>();
        for (RecordComponent component : content.getClass().getRecordComponents()) {
            Object value = read(component, content);
            if (value != null) {
                set.put(component.getName(), value);
            }
        }
        return set;
    }

    private static Object read(RecordComponent component, Object content) {
        try {
            return component.getAccessor().invoke(content);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
