package health.citadel.dr.internal.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A migration's SQL cut into statements, and each statement into tokens, the way PostgreSQL reads it: comments
 * (to the end of the line, and nested block comments) are skipped, and a string literal, a quoted name or a
 * dollar-quoted body is one token, so that a {@code DROP} or a {@code ;} inside one is neither a statement nor
 * its end.
 */
final class SqlScript {

    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL }

    /** One token; a word's or a quoted name's {@code text} is the name it stands for. */
    record Token(Kind kind, String text) {

        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
        }

        /** As PostgreSQL resolves it: an unquoted name in lower case, a quoted one as written. */
        String name() {
            return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
        }
    }

    /** One statement, with the line of the migration it begins on. */
    record Statement(int line, List<Token> tokens) {
    }

    private final String sql;
    private int at;
    private int line = 1;

    private SqlScript(String sql) {
        this.sql = sql;
    }

    static List<Statement> statements(String sql) {
        return new SqlScript(sql).split();
    }

    private List<Statement> split() {
        List<Statement> statements = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        int firstLine = line;
        while (skipSpaceAndComments()) {
            if (sql.charAt(at) == ';') {
                at++;
                if (!tokens.isEmpty()) {
                    statements.add(new Statement(firstLine, List.copyOf(tokens)));
                    tokens.clear();
                }
                continue;
            }
            if (tokens.isEmpty()) {
                firstLine = line;
            }
            tokens.add(token());
        }
        if (!tokens.isEmpty()) {
            statements.add(new Statement(firstLine, List.copyOf(tokens)));
        }
        return statements;
    }

    /** @return whether a token or a {@code ;} follows */
    private boolean skipSpaceAndComments() {
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (Character.isWhitespace(c)) {
                advanceTo(at + 1);
            } else if (sql.startsWith("--", at)) {
                int end = sql.indexOf('\n', at);
                advanceTo(end < 0 ? sql.length() : end);
            } else if (sql.startsWith("/*", at)) {
                advanceTo(blockCommentEnd());
            } else {
                return true;
            }
        }
        return false;
    }

    /** Block comments nest in PostgreSQL, unlike in the SQL standard. */
    private int blockCommentEnd() {
        int depth = 0;
        int i = at;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    private Token token() {
        int start = at;
        char c = sql.charAt(at);
        char next = at + 1 < sql.length() ? sql.charAt(at + 1) : '\0';
        String tag = c == '$' ? dollarTag() : null;
        if (c == '\'') {
            advanceTo(quotedEnd(at, '\'', false));
            return new Token(Kind.STRING, sql.substring(start, at));
        } else if ((c == 'E' || c == 'e') && next == '\'') {
            advanceTo(quotedEnd(at + 1, '\'', true));
            return new Token(Kind.STRING, sql.substring(start, at));
        } else if (c == '"') {
            advanceTo(quotedEnd(at, '"', false));
            return new Token(Kind.QUOTED_NAME, sql.substring(start + 1, Math.max(start + 1, at - 1)).replace("\"\"", "\""));
        } else if (tag != null) {
            int end = sql.indexOf(tag, at + tag.length());
            advanceTo(end < 0 ? sql.length() : end + tag.length());
            return new Token(Kind.STRING, sql.substring(start, at));
        } else if (Character.isLetter(c) || c == '_') {
            int end = at + 1;
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                    || sql.charAt(end) == '$')) {
                end++;
            }
            advanceTo(end);
            return new Token(Kind.WORD, sql.substring(start, at));
        } else if (Character.isDigit(c)) {
            int end = at + 1;
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                end++;
            }
            advanceTo(end);
            return new Token(Kind.NUMBER, sql.substring(start, at));
        }
        advanceTo(at + (c == ':' && next == ':' ? 2 : 1));
        return new Token(Kind.SYMBOL, sql.substring(start, at));
    }

    /** {@code $tag$} or {@code $$} where one begins here; null for a lone {@code $}, as in a placeholder. */
    private String dollarTag() {
        int end = at + 1;
        while (end < sql.length() && (Character.isLetter(sql.charAt(end)) || sql.charAt(end) == '_'
                || (end > at + 1 && Character.isDigit(sql.charAt(end))))) {
            end++;
        }
        return end < sql.length() && sql.charAt(end) == '$' ? sql.substring(at, end + 1) : null;
    }

    /** Past the closing quote; a doubled quote is part of the text, and so is a backslash's next character in E''. */
    private int quotedEnd(int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** Moves on, counting the lines passed, so that each statement knows where it begins. */
    private void advanceTo(int end) {
        int to = Math.min(end, sql.length());
        for (int i = at; i < to; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        at = to;
    }
}
