package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the deployed OpenAPI document, sent bad input as the role allowed to call it: each query and
 * path parameter in turn given NUL and control characters, invalid UTF-8, a huge string and number, SQL
 * injection, markup, CRLF and path traversal; each JSON body given malformed JSON, wrong root types, deep
 * nesting, duplicate and unknown keys, invalid UTF-8 and NUL, and each of its fields each bad string and a wrong
 * type. Nothing answers 5xx, every refusal is a problem document that quotes none of the input, and nothing is
 * written by a refused request. A new endpoint is fuzzed the day it is deployed, since the list comes from the
 * document.
 *
 * <p>Left out, with reason: the DR operations and the key rotation act on the whole stack (both regions, every
 * patient's key), so a request they accept would change what the other tests run on; their inputs are checked by
 * DrConsoleIT, DisasterRecoveryIT and KeyRotationIT.
 */
class FuzzIT {

    /** Marks every payload, so that a reflection of any of them is found in a body. */
    private static final String MARK = "fz7q";
    private static final List<String> BAD_STRINGS = List.of(
            "a\u0000b", "\u0001\u001b[31m" + MARK, "x".repeat(10_000) + MARK, "99999999999999999999999999999",
            "' OR '1'='1' -- " + MARK, "<script>" + MARK + "</script>", MARK + "\r\nSet-Cookie: " + MARK + "=1",
            "../../../../etc/passwd", "{x}", "%" + MARK);
    /** Invalid UTF-8, sent as it is (percent-encoded bytes no UTF-8 decoder accepts). */
    private static final String INVALID_UTF8 = "%C3%28" + MARK;
    /**
     * Liberty's web container refuses a path holding NUL, control characters or an encoded slash before any filter
     * or error page of the application runs, with its own page (HTML, or JSON for a JSON request) quoting the path
     * HTML-escaped: a 400, never a 5xx, but neither a problem document nor free of the input. A known limit
     * (README), counted here.
     */
    private static final String LIBERTY_URI_REFUSAL = "CWWWC0005I: The request URI has invalid or improperly encoded";
    private static final List<String> LEFT_OUT = List.of("/api/v1/dr/", "/api/v1/keys/rotations");
    private static final List<String> ROLES = List.of("dr.house", "nurse.joy", "front.desk", "admin.alan",
            "auditor.ada", "dba.dana", "patient.pat");

    private final Stack stack = Stack.get();
    private final HttpClient http = HttpClient.newBuilder().sslContext(stack.trustingStack())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> findings = new ArrayList<>();
    private int sent;
    private int containerRefusals;
    private int writesAccepted;

    @Test
    void noBadInputAnswers5xxOrIsReflectedOrWritesAnything() throws Exception {
        JsonNode document = Stack.json(stack.managementGet("/openapi?format=JSON"));
        UUID patient = Patients.register(Patients.Canary.fresh(), "1970-01-01", false);
        Map<String, Long> before = rowCounts();

        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (LEFT_OUT.stream().anyMatch(path.getKey()::startsWith)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                fuzz(document, op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue(), patient);
            }
        }

        Map<String, Long> after = rowCounts();
        before.forEach((table, count) -> {
            if (after.get(table) - count > writesAccepted) {
                findings.add(table + " grew by " + (after.get(table) - count) + " rows while only " + writesAccepted
                        + " bad requests were accepted");
            }
        });
        assertTrue(sent > 1000, "only " + sent + " requests were sent");
        assertEquals(List.of(), findings, findings.size() + " findings in " + sent + " requests");
        System.out.printf("FuzzIT: %d requests, none answered 5xx; %d refused by Liberty's URI check, %d writes "
                + "accepted%n", sent, containerRefusals, writesAccepted);
    }

    private void fuzz(JsonNode document, String method, String template, JsonNode operation, UUID patient) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        JsonNode body = schema(document, operation.at("/requestBody/content/application~1json/schema"));
        boolean hasBody = !body.isMissingNode();
        if (parameters.isEmpty() && !hasBody) {
            return; // nothing to send it but the request itself
        }
        Map<String, String> base = new LinkedHashMap<>();
        base.put("id", patient.toString());
        base.put("kind", "observations");
        base.put("entry", UUID.randomUUID().toString());
        base.put("revision", "1");
        String role = allowedRole(method, template, base, hasBody);

        for (JsonNode parameter : parameters) {
            String in = parameter.get("in").asText();
            if (!in.equals("query") && !in.equals("path")) {
                continue;
            }
            String name = parameter.get("name").asText();
            for (String bad : BAD_STRINGS) {
                send(method, url(template, base, in, name, encode(bad)), role, hasBody ? "{}".getBytes() : null);
            }
            send(method, url(template, base, in, name, INVALID_UTF8), role, hasBody ? "{}".getBytes() : null);
        }
        if (hasBody) {
            String target = url(template, base, null, null, null);
            for (byte[] bad : badBodies(body)) {
                send(method, target, role, bad);
            }
        }
    }

    /** The first role that is not refused 403 on a plain request, or the first role where every one is. */
    private String allowedRole(String method, String template, Map<String, String> base, boolean hasBody) {
        for (String role : ROLES) {
            if (send(method, url(template, base, null, null, null), role, hasBody ? "{}".getBytes() : null) != 403) {
                return role;
            }
        }
        return ROLES.get(0);
    }

    private List<byte[]> badBodies(JsonNode schema) {
        List<String> bodies = new ArrayList<>(List.of("{\"a\":", "[]", "\"" + MARK + "\"", "42", "null",
                "[".repeat(5000) + "]".repeat(5000), "{\"reason\":\"" + MARK + " one\",\"reason\":\"" + MARK + " two\"}",
                "{\"" + MARK + "Unknown\":1}", "{\"reason\":\"a\\u0000b\"}"));
        for (Iterator<String> fields = schema.path("properties").fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            for (String bad : BAD_STRINGS) {
                bodies.add("{" + Stack.JSON.valueToTree(field) + ":" + Stack.JSON.valueToTree(bad) + "}");
            }
            for (String wrongType : List.of("1e309", "{\"" + MARK + "\":[]}", "[\"" + MARK + "\"]", "true")) {
                bodies.add("{" + Stack.JSON.valueToTree(field) + ":" + wrongType + "}");
            }
        }
        List<byte[]> bytes = new ArrayList<>(bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList());
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes(("{\"reason\":\"" + MARK).getBytes(StandardCharsets.US_ASCII));
        invalidUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        invalidUtf8.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
        bytes.add(invalidUtf8.toByteArray());
        return bytes;
    }

    /** Sends one request; records what it broke; returns the status. */
    private int send(String method, String target, String role, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.app("") + target))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + Tokens.of(role))
                .header("If-Match", "\"0\"");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        sent++;
        String what = method + " " + target.replaceAll("[0-9a-f-]{36}", "{id}");
        what = what.length() > 160 ? what.substring(0, 160) + "…" : what;
        HttpResponse<String> answer;
        try {
            answer = Stack.send(http, request.build());
        } catch (UncheckedIOException noAnswer) {
            findings.add("no answer (" + noAnswer.getCause().getClass().getSimpleName() + ") for " + what + " as " + role);
            return -1;
        }
        int status = answer.statusCode();
        if (status >= 500) {
            findings.add(status + " for " + what + " as " + role + (body == null ? ""
                    : " with " + new String(body, 0, Math.min(60, body.length), StandardCharsets.UTF_8)));
        } else if (status == 400 && answer.body().contains(LIBERTY_URI_REFUSAL)) {
            containerRefusals++;
        } else if (status >= 400) {
            if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                findings.add(status + " not a problem document for " + what);
            }
            if (answer.body().contains(MARK)) {
                findings.add(status + " quotes the input for " + what);
            }
        } else if (!method.equals("GET") && body != null) {
            writesAccepted++;
        }
        return status;
    }

    private static String url(String template, Map<String, String> base, String in, String name, String value) {
        String path = template;
        for (Map.Entry<String, String> parameter : base.entrySet()) {
            boolean fuzzed = "path".equals(in) && parameter.getKey().equals(name);
            path = path.replace("{" + parameter.getKey() + "}", fuzzed ? value : parameter.getValue());
        }
        return "query".equals(in) ? path + "?" + name + "=" + value : path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The schema itself, or the component it refers to. */
    private static JsonNode schema(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            return document.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    /**
     * Rows in every table of the records and identity schemas, which no refused request may add to; but for the
     * access review's findings, which its schedule writes meanwhile.
     */
    private static Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection writer = Regions.dba("a")) {
            for (String table : Regions.strings(writer, "SELECT schemaname || '.' || relname FROM pg_stat_user_tables "
                    + "WHERE schemaname IN ('records', 'identity') AND relname <> 'access_review_finding' ORDER BY 1")) {
                counts.put(table, Long.parseLong(Regions.strings(writer, "SELECT count(*) FROM " + table).get(0)));
            }
        }
        return counts;
    }
}
