package health.citadel.dr.web.pages;

import health.citadel.platform.web.StrictJson;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;

/** A DR report or journal record, as JSON from the DR module, shown as named values in its own order. */
public record ReportFacts(List<Fact> facts) {

    /** One named value, in words or as compact JSON. */
    public record Fact(String name, String value) {
    }

    /** A report as the API answers it, so that the page shows the same names, order and numbers. */
    static ReportFacts of(Record report) {
        try (JsonReader reader = Json.createReader(new StringReader(StrictJson.BINDER.toJson(report)))) {
            return of(reader.readObject());
        }
    }

    static ReportFacts of(JsonObject report) {
        return new ReportFacts(report.entrySet().stream().map(entry -> new Fact(entry.getKey(), text(entry.getValue())))
                .toList());
    }

    /** The value named {@code name}, or empty. */
    public String get(String name) {
        return facts.stream().filter(fact -> fact.name().equals(name)).map(Fact::value).findFirst().orElse("");
    }

    /** A list's items apart by semicolons, an object's values by spaces: a step's name and time read as words. */
    private static String text(JsonValue value) {
        if (value instanceof JsonString string) {
            return recorded(string.getString());
        }
        if (value instanceof JsonArray items) {
            return items.stream().map(ReportFacts::text).collect(Collectors.joining("; "));
        }
        if (value instanceof JsonObject object) {
            return object.values().stream().map(ReportFacts::text).collect(Collectors.joining(" "));
        }
        return value.toString();
    }

    /** A journal's detail holds the report as JSON text when the operation succeeded, the reason in words if not. */
    private static String recorded(String text) {
        if (!text.startsWith("{")) {
            return text;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject().entrySet().stream().map(entry -> entry.getKey() + " " + text(entry.getValue()))
                    .collect(Collectors.joining(", "));
        } catch (JsonException notJson) {
            return text;
        }
    }
}
