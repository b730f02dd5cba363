package health.citadel.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every query of the Grafana dashboards in infra/observability/grafana/dashboards, made a plain PromQL expression
 * Prometheus evaluates on its own: Grafana's interval macros are replaced by what Grafana would put there on a
 * short time range (a minute for the rate and panel intervals, an hour for the range).
 */
public final class DashboardQueries {

    /** One panel's query: where it is shown, and the expression. */
    public record Query(String dashboard, String panel, String expr) {
        @Override
        public String toString() {
            return dashboard + " › " + panel;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardQueries() {
    }

    public static List<Path> dashboards() {
        return ObservabilityTools.files("grafana/dashboards", ".json");
    }

    public static JsonNode read(Path dashboard) {
        try {
            return JSON.readTree(dashboard.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(dashboard + " is not JSON", e);
        }
    }

    public static List<Query> all() {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = read(file);
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    queries.add(new Query(dashboard.get("title").asText(), panel.get("title").asText(),
                            promql(target.get("expr").asText())));
                }
            }
        }
        return queries;
    }

    static String promql(String grafanaExpr) {
        return grafanaExpr.replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "1h");
    }
}
