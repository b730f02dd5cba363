package health.citadel.app.it;

import static health.citadel.app.it.Request.anonymous;
import static health.citadel.app.it.Request.as;
import static health.citadel.app.operations.ObservabilityTools.PROMETHEUS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import health.citadel.app.operations.DashboardQueries;
import health.citadel.app.operations.ObservabilityTools;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus on loopback scrapes the running Liberty over HTTPS, trusting only the stack's certificate, with
 * our alert rules loaded; then every alert expression and every dashboard query is evaluated through its HTTP API.
 * Each must parse and return a series on the live stack: a rule or panel on a metric that does not exist, or
 * under another name than Liberty publishes, shows nothing and alerts on nothing, and this is where that shows.
 */
class ObservabilityIT {

    /**
     * An alert is its expression compared with a threshold, and on a healthy stack the comparison is false and
     * returns nothing. So the comparison at the end is cut off and the value compared is evaluated: it must exist
     * now, whatever it is. (Every rule in infra/observability ends in one comparison with a constant.)
     */
    private static final Pattern TRAILING_COMPARISON =
            // Prometheus prints large thresholds in exponent form: 1.073741824e+09
            Pattern.compile("\\s*(==|!=|>=|<=|>|<)\\s*[0-9.eE\\s*+-]+$");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Stack STACK = Stack.get();
    private static Process prometheus;
    private static URI api;

    @BeforeAll
    static void startPrometheus(@TempDir Path data) throws IOException {
        ObservabilityTools.require(PROMETHEUS);
        makeTraffic();
        int port = ObservabilityTools.freePort();
        api = URI.create("http://127.0.0.1:" + port + "/api/v1/");
        Path config = Files.writeString(data.resolve("prometheus.yml"), configuration());
        prometheus = ObservabilityTools.start(List.of(PROMETHEUS, "--config.file=" + config,
                "--storage.tsdb.path=" + data.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port), data);
        Awaitility.await("Prometheus scrapes Liberty").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> query("up{job=\"citadel\"} == 1").size() == 1);
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        ObservabilityTools.stop(prometheus);
    }

    /**
     * The answers the dashboards break down, so that their series exist: a success, a 401 without a token, and
     * five 403s, which the audit also raises as a repeated-denials alert. front.desk, not nurse.joy: AlertDeliveryIT
     * watches the nurse's alerts.
     */
    private static void makeTraffic() {
        assertEquals(200, as(Tokens.of("dr.house")).get("/api/v1/me").send().statusCode());
        assertEquals(401, anonymous().get("/api/v1/me").send().statusCode());
        String clerk = Tokens.of("front.desk");
        for (int i = 0; i < 5; i++) {
            assertEquals(403, as(clerk).get("/api/v1/identity/roles").send().statusCode());
        }
    }

    /** Scrapes every 2 s, so that a minute's rate has samples within seconds; the rules as a deployment loads them. */
    private static String configuration() {
        URI app = STACK.management("/metrics");
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 2s
                  evaluation_interval: 2s
                rule_files:
                """);
        ObservabilityTools.files("prometheus/rules", ".yml").forEach(file -> config.append("  - ").append(file).append('\n'));
        config.append("""
                scrape_configs:
                  - job_name: citadel
                    scheme: https
                    metrics_path: %s
                    tls_config:
                      ca_file: %s
                    static_configs:
                      - targets: ['%s:%d']
                """.formatted(app.getPath(), STACK.descriptor().at("/app/certificate").asText(), app.getHost(),
                app.getPort()));
        return config.toString();
    }

    @Test
    void everyAlertIsLoadedEvaluatedWithoutErrorAndWatchesASeriesThatExists() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, String> problems = new TreeMap<>();
            int alerts = 0;
            for (JsonNode group : get("rules?type=alert").at("/data/groups")) {
                for (JsonNode rule : group.get("rules")) {
                    alerts++;
                    String name = rule.get("name").asText();
                    if (!"ok".equals(rule.get("health").asText())) {
                        problems.put(name, rule.get("health").asText() + " " + rule.path("lastError").asText());
                        continue;
                    }
                    String watched = TRAILING_COMPARISON.matcher(rule.get("query").asText()).replaceFirst("");
                    check(name, watched, problems);
                }
            }
            assertEquals(alertsInTheRuleFiles(), alerts, "the alerts in infra/observability/prometheus/rules");
            assertEquals(Map.of(), problems);
        });
    }

    /** How many alerts the repository's rule files declare: each must be loaded. */
    private static long alertsInTheRuleFiles() throws java.io.IOException {
        long count = 0;
        for (java.nio.file.Path file : ObservabilityTools.files("prometheus/rules", ".yml")) {
            count += java.nio.file.Files.readAllLines(file).stream().filter(line -> line.strip().startsWith("- alert:"))
                    .count();
        }
        return count;
    }

    @Test
    void everyDashboardQueryReturnsASeries() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, String> problems = new TreeMap<>();
            for (DashboardQueries.Query panel : DashboardQueries.all()) {
                check(panel.toString(), panel.expr(), problems);
            }
            assertEquals(Map.of(), problems);
        });
    }

    /**
     * The expression returns a series, and so does every metric it names on its own: "(x or vector(0))" always
     * returns one, and must not hide that x is misspelt.
     */
    private static void check(String where, String expr, Map<String, String> problems) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String metric : metricNames(expr)) {
            if (query("count({__name__=\"" + metric + "\"})").isEmpty()) {
                missing.add(metric);
            }
        }
        if (!missing.isEmpty()) {
            problems.put(where, "no series named " + missing);
        } else if (query(expr).isEmpty()) {
            problems.put(where, "no series for " + expr);
        }
    }

    /** The metric names in an expression: what is left once strings, matchers, ranges, groupings and calls are out. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ").replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher token = METRIC_NAME.matcher(bare);
        while (token.find()) {
            boolean call = bare.substring(token.end()).matches("(?s)\\s*\\(.*");
            boolean numberPart = token.start() > 0 && Character.isDigit(bare.charAt(token.start() - 1));
            if (!call && !numberPart && !PROMQL_WORDS.contains(token.group().toLowerCase())) {
                names.add(token.group());
            }
        }
        return names;
    }

    /** The instant vector an expression evaluates to now; a parse error fails the test with Prometheus's words. */
    private static JsonNode query(String expr) throws IOException {
        JsonNode answer = get("query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError(expr + ": " + answer);
        }
        return answer.at("/data/result");
    }

    private static JsonNode get(String path) throws IOException {
        HttpResponse<String> response = Stack.send(HTTP, HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(10)).GET().build());
        return Stack.JSON.readTree(response.body());
    }
}
