package health.citadel.dr.internal.upgrade;

import health.citadel.dr.internal.upgrade.SqlScript.Kind;
import health.citadel.dr.internal.upgrade.SqlScript.Statement;
import health.citadel.dr.internal.upgrade.SqlScript.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a migration only adds, so that it can run on the standby, then on the writer, while the running
 * release goes on writing through both: the standby must accept every row the writer sends before, during and
 * after, and the release still running must find everything it uses. Allowed: CREATE TABLE, INDEX, SCHEMA,
 * SEQUENCE, TYPE, FUNCTION, VIEW and TRIGGER; ALTER TABLE ADD COLUMN that is nullable or has a constant default;
 * ADD CONSTRAINT ... NOT VALID (also replacing a constraint of that name in the same statement) and VALIDATE
 * CONSTRAINT; GRANT, REVOKE, COMMENT ON, SET and RESET; ALTER PUBLICATION ... ADD TABLE; INSERT into a table that
 * does not replicate. Everything else is refused: it drops, renames or retypes what the running release uses,
 * or changes rows that replication would then change a second time.
 */
final class AdditiveChanges {

    /** A statement that is refused, by the line it begins on and what kind of change it is. */
    record Refusal(int line, String kind) {
    }

    private static final Set<String> CREATED = Set.of("table", "index", "schema", "sequence", "type", "function",
            "view", "trigger");
    private static final Set<String> ALLOWED = Set.of("grant", "revoke", "comment", "set", "reset");
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("constraint", "check", "foreign", "primary",
            "unique", "exclude");
    private static final Set<String> SERIAL_TYPES = Set.of("serial", "serial2", "serial4", "serial8", "smallserial",
            "bigserial");
    /** Where a column's default expression ends: the column's next constraint. */
    private static final Set<String> AFTER_DEFAULT = Set.of("not", "null", "constraint", "check", "references",
            "unique", "primary", "generated", "collate");
    /** Defaults that are the time or the user of the migration's own transaction, different in each region. */
    private static final Set<String> PER_TRANSACTION = Set.of("current_timestamp", "current_date", "current_time",
            "localtime", "localtimestamp", "current_user", "session_user", "current_role", "user");

    private final Set<String> replicatedSchemas;
    private final Set<String> replicatedTables;

    /**
     * @param replicatedSchemas the schemas whose every table replicates
     * @param replicatedTables  further tables that replicate, as {@code schema.table}
     */
    AdditiveChanges(Set<String> replicatedSchemas, Set<String> replicatedTables) {
        this.replicatedSchemas = Set.copyOf(replicatedSchemas);
        this.replicatedTables = Set.copyOf(replicatedTables);
    }

    List<Refusal> refusals(String migration) {
        List<Refusal> refusals = new ArrayList<>();
        for (Statement statement : SqlScript.statements(migration)) {
            refused(statement.tokens()).ifPresent(kind -> refusals.add(new Refusal(statement.line(), kind)));
        }
        return refusals;
    }

    /** @return the statement's kind where it is refused */
    private Optional<String> refused(List<Token> tokens) {
        Cursor statement = new Cursor(tokens);
        String first = statement.next().name();
        if (ALLOWED.contains(first)) {
            return Optional.empty();
        }
        return switch (first) {
            case "create" -> create(statement);
            case "alter" -> alter(statement);
            case "insert" -> insert(statement);
            default -> Optional.of(kind(tokens));
        };
    }

    private Optional<String> create(Cursor statement) {
        statement.accept("or", "replace");
        statement.accept("unique");
        statement.accept("constraint");
        String what = statement.next().name();
        if (!CREATED.contains(what)) {
            return Optional.of("CREATE " + what.toUpperCase(Locale.ROOT));
        }
        if (what.equals("table")) {
            statement.accept("if", "not", "exists");
            statement.name();
            // a table made with rows gets them in each region, and again when the subscription copies it
            if (statement.accept("as")) {
                return Optional.of("CREATE TABLE ... AS");
            }
        }
        return Optional.empty();
    }

    private Optional<String> alter(Cursor statement) {
        String what = statement.next().name();
        if (what.equals("publication")) {
            statement.name();
            return statement.accept("add", "table") ? Optional.empty() : Optional.of("ALTER PUBLICATION ... "
                    + statement.next().text().toUpperCase(Locale.ROOT));
        }
        if (!what.equals("table")) {
            return Optional.of("ALTER " + what.toUpperCase(Locale.ROOT));
        }
        statement.accept("if", "exists");
        statement.accept("only");
        statement.name();
        List<Cursor> actions = statement.actions();
        for (Cursor action : actions) {
            Optional<String> refused = tableAction(action, actions);
            if (refused.isPresent()) {
                return refused.map(kind -> "ALTER TABLE ... " + kind);
            }
        }
        return Optional.empty();
    }

    private Optional<String> tableAction(Cursor action, List<Cursor> all) {
        if (action.accept("add")) {
            if (TABLE_CONSTRAINTS.contains(action.peek().name())) {
                return action.endsWith("not", "valid") ? Optional.empty() : Optional.of("ADD CONSTRAINT without NOT VALID");
            }
            action.accept("column");
            action.accept("if", "not", "exists");
            action.next();
            return column(action);
        }
        if (action.accept("validate", "constraint")) {
            return Optional.empty();
        }
        if (action.accept("drop", "constraint")) {
            action.accept("if", "exists");
            String dropped = action.next().name();
            // dropped and added again in one statement: no moment without it, and the new one checks new rows only
            boolean replaced = all.stream().anyMatch(other -> addsNotValid(other.restarted(), dropped));
            return replaced ? Optional.empty() : Optional.of("DROP CONSTRAINT");
        }
        Cursor words = action.restarted();
        if (words.accept("drop")) {
            return Optional.of("DROP COLUMN");
        }
        if (words.accept("rename")) {
            return Optional.of("RENAME");
        }
        if (words.accept("alter")) {
            words.accept("column");
            words.next();
            if (words.accept("type") || words.accept("set", "data", "type")) {
                return Optional.of("ALTER COLUMN ... TYPE");
            }
            return Optional.of("ALTER COLUMN ... " + words.rest(3));
        }
        return Optional.of(words.rest(2));
    }

    private static boolean addsNotValid(Cursor action, String constraint) {
        return action.accept("add", "constraint") && action.next().name().equals(constraint)
                && action.endsWith("not", "valid");
    }

    /** A new column, from its type on: every existing row gets its value in each region on its own. */
    private static Optional<String> column(Cursor column) {
        Token type = column.next();
        if (SERIAL_TYPES.contains(type.name())) {
            return Optional.of("ADD COLUMN of a serial type (each region numbers existing rows on its own)");
        }
        boolean notNull = false;
        boolean defaulted = false;
        while (!column.atEnd()) {
            Token token = column.next();
            if (token.is("not") && column.accept("null") || token.is("primary")) {
                notNull = true;
            } else if (token.is("generated") && column.containsWord("identity")) {
                return Optional.of("ADD COLUMN ... GENERATED AS IDENTITY (each region numbers existing rows on its own)");
            } else if (token.is("default")) {
                defaulted = true;
                if (!constant(column)) {
                    return Optional.of("ADD COLUMN with a DEFAULT that is not a constant (each region would give "
                            + "existing rows other values)");
                }
            }
        }
        return notNull && !defaulted ? Optional.of("ADD COLUMN ... NOT NULL without a DEFAULT") : Optional.empty();
    }

    /** Reads a default expression: constant where it calls no function and names no per-transaction value. */
    private static boolean constant(Cursor expression) {
        boolean constant = true;
        boolean first = true;
        int depth = 0;
        while (!expression.atEnd()) {
            Token token = expression.peek();
            if (depth == 0 && !first && token.kind() == Kind.WORD && AFTER_DEFAULT.contains(token.name())) {
                break;
            }
            expression.next();
            depth += token.text().equals("(") ? 1 : token.text().equals(")") ? -1 : 0;
            // a name before a parenthesis calls a function, unless it is a cast's type, as in ::numeric(5,2)
            boolean call = token.text().equals("(") && !first && expression.behind(1).kind() == Kind.WORD
                    && !expression.behind(2).text().equals("::");
            constant &= !call && !(token.kind() == Kind.WORD && PER_TRANSACTION.contains(token.name()));
            first = false;
        }
        return constant;
    }

    /** Rows added by a migration run in each region; in a table that replicates they would arrive twice. */
    private Optional<String> insert(Cursor statement) {
        statement.accept("into");
        List<String> name = statement.name();
        if (name.size() < 2) {
            return Optional.of("INSERT into a table without its schema");
        }
        String schema = name.get(name.size() - 2);
        String table = schema + "." + name.get(name.size() - 1);
        return replicatedSchemas.contains(schema) || replicatedTables.contains(table)
                ? Optional.of("INSERT into " + table + ", which replicates") : Optional.empty();
    }

    /** The statement's first words, as far as they say what it does: DROP TABLE, TRUNCATE, UPDATE. */
    private static String kind(List<Token> tokens) {
        String first = tokens.get(0).text().toUpperCase(Locale.ROOT);
        return Set.of("DROP", "CREATE", "ALTER").contains(first) && tokens.size() > 1 && tokens.get(1).kind() == Kind.WORD
                ? first + " " + tokens.get(1).text().toUpperCase(Locale.ROOT) : first;
    }

    /** Reads a statement's tokens from the front. */
    private static final class Cursor {

        private static final Token END = new Token(Kind.SYMBOL, "");
        private final List<Token> tokens;
        private int at;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        Cursor restarted() {
            return new Cursor(tokens);
        }

        boolean atEnd() {
            return at >= tokens.size();
        }

        Token peek() {
            return atEnd() ? END : tokens.get(at);
        }

        Token next() {
            Token token = peek();
            at = Math.min(at + 1, tokens.size());
            return token;
        }

        /** Takes these words if they come next, all of them. */
        boolean accept(String... words) {
            for (int i = 0; i < words.length; i++) {
                if (at + i >= tokens.size() || !tokens.get(at + i).is(words[i])) {
                    return false;
                }
            }
            at += words.length;
            return true;
        }

        boolean endsWith(String... words) {
            int from = tokens.size() - words.length;
            for (int i = 0; i < words.length; i++) {
                if (from + i < at || !tokens.get(from + i).is(words[i])) {
                    return false;
                }
            }
            return true;
        }

        boolean containsWord(String word) {
            return tokens.subList(at, tokens.size()).stream().anyMatch(token -> token.is(word));
        }

        /** The token {@code steps} before the one just read. */
        Token behind(int steps) {
            int index = at - 1 - steps;
            return index >= 0 && index < tokens.size() ? tokens.get(index) : END;
        }

        /** A name, qualified or not: its parts, resolved as PostgreSQL does. */
        List<String> name() {
            List<String> parts = new ArrayList<>();
            while (peek().isName()) {
                parts.add(next().name());
                if (!peek().text().equals(".")) {
                    break;
                }
                next();
            }
            return parts;
        }

        /** The rest split at the commas outside parentheses: an ALTER TABLE's actions. */
        List<Cursor> actions() {
            List<Cursor> actions = new ArrayList<>();
            int depth = 0;
            int start = at;
            for (int i = at; i <= tokens.size(); i++) {
                String text = i < tokens.size() ? tokens.get(i).text() : ",";
                boolean symbol = i == tokens.size() || tokens.get(i).kind() == Kind.SYMBOL;
                depth += symbol && text.equals("(") ? 1 : symbol && text.equals(")") ? -1 : 0;
                if (symbol && depth == 0 && text.equals(",")) {
                    actions.add(new Cursor(tokens.subList(start, i)));
                    start = i + 1;
                }
            }
            return actions;
        }

        /** The words of what is left, of its next {@code count} tokens: the kind of change it is. */
        String rest(int count) {
            return String.join(" ", tokens.subList(at, Math.min(tokens.size(), at + count)).stream()
                    .filter(token -> token.kind() == Kind.WORD).map(token -> token.text().toUpperCase(Locale.ROOT))
                    .toList());
        }
    }
}
