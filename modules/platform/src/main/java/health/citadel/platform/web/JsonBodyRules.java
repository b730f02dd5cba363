package health.citadel.platform.web;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a JSON body must not hold, whatever it binds to: nesting deeper than {@link #MAX_DEPTH}, a key twice in one object (the binder keeps the last, so
 * a second {@code reason} would silently win over the first), or a NUL character (PostgreSQL text cannot store
 * one). The problem names the field by its path, e.g. {@code demographics.address.city} or {@code items[2]},
 * and shows a field name only if it has the API's own form, so that a key made of submitted text is not echoed.
 */
final class JsonBodyRules {

    /**
     * The API's documents nest a few levels; a body nesting far deeper is an attack on the parser, which would
     * otherwise fail with an unchecked error at its own limit (1,000).
     */
    static final int MAX_DEPTH = 32;

    /** The API's own field names are lowerCamelCase; any other key may be submitted text and is not quoted. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    /** One open object (its keys so far) or array (its next index), and how it is reached. */
    private static final class Level {
        final String path;
        final Set<String> keys;
        int index;
        String key;

        Level(String path, boolean object) {
            this.path = path;
            this.keys = object ? new HashSet<>() : null;
        }

        /** The path of the value being read in this level. */
        String child() {
            if (keys == null) {
                return path + "[" + index + "]";
            }
            String name = PLAIN_NAME.matcher(key).matches() ? key : "(a field)";
            return path.isEmpty() ? name : path + "." + name;
        }
    }

    private JsonBodyRules() {
    }

    /** @return what is wrong, naming the field; null when the body keeps the rules or is no JSON (the binder says) */
    static String problem(byte[] body) {
        Deque<Level> levels = new ArrayDeque<>();
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                Level level = levels.peek();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (levels.size() == MAX_DEPTH) {
                            return level.child() + ": nests deeper than " + MAX_DEPTH + " levels";
                        }
                        levels.push(new Level(level == null ? "" : level.child(), event == JsonParser.Event.START_OBJECT));
                    }
                    case KEY_NAME -> {
                        level.key = parser.getString();
                        if (level.key.indexOf('\0') >= 0) {
                            return level.path + ": a field name must not contain a NUL character";
                        }
                        if (!level.keys.add(level.key)) {
                            return level.child() + ": appears more than once";
                        }
                    }
                    case VALUE_STRING -> {
                        if (parser.getString().indexOf('\0') >= 0) {
                            return (level == null ? "the body" : level.child()) + ": must not contain a NUL character";
                        }
                    }
                    case END_OBJECT, END_ARRAY -> levels.pop();
                    default -> {
                        // numbers, booleans and null hold nothing to check
                    }
                }
                if (event != JsonParser.Event.KEY_NAME && event != JsonParser.Event.START_OBJECT
                        && event != JsonParser.Event.START_ARRAY && levels.peek() != null && levels.peek().keys == null) {
                    levels.peek().index++;
                }
            }
        } catch (JsonParsingException notJson) {
            return null;
        }
        return null;
    }
}
