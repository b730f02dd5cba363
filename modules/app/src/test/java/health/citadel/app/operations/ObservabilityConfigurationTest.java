package health.citadel.app.operations;

import static health.citadel.app.operations.ObservabilityTools.AMTOOL;
import static health.citadel.app.operations.ObservabilityTools.PROMTOOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The alert rules and Alertmanager's routes, checked by Prometheus's and Alertmanager's own tools: they load,
 * every rule fires and stays quiet as its unit test says, and each kind of alert reaches the people it should.
 */
class ObservabilityConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ALERT = Pattern.compile("(?m)^\\s*- alert: (\\w+)$");

    @BeforeEach
    void toolsInstalled() {
        ObservabilityTools.require(PROMTOOL, AMTOOL);
    }

    @Test
    void promtoolLoadsEveryRuleFile() {
        List<Path> rules = ObservabilityTools.files("prometheus/rules", ".yml");
        assertFalse(rules.isEmpty());

        String output = ObservabilityTools.succeed(ObservabilityTools.command(List.of(PROMTOOL, "check", "rules"), rules));

        assertEquals(rules.size(), count(Pattern.compile("SUCCESS: [1-9]\\d* rules found"), output), output);
    }

    @Test
    void everyRuleFiresAndStaysQuietAsItsUnitTestSays() {
        List<Path> tests = ObservabilityTools.files("prometheus/tests", ".test.yml");

        String output = ObservabilityTools.succeed(ObservabilityTools.command(List.of(PROMTOOL, "test", "rules"), tests));

        assertEquals(tests.size(), count(Pattern.compile("(?m)^\\s*SUCCESS$"), output), output);
    }

    /** What the routes and the runbooks rely on, for every alert; and that its unit test asks for it by name. */
    @Test
    void everyAlertIsLabelledForRoutingLinksItsRunbookAndIsUnitTested() throws IOException {
        StringBuilder unitTests = new StringBuilder();
        for (Path test : ObservabilityTools.files("prometheus/tests", ".test.yml")) {
            unitTests.append(Files.readString(test));
        }
        int alerts = 0;
        for (Path file : ObservabilityTools.files("prometheus/rules", ".yml")) {
            for (String rule : alertBlocks(Files.readString(file))) {
                Matcher name = ALERT.matcher(rule);
                assertTrue(name.find(), rule);
                String alert = name.group(1);
                assertTrue(rule.matches("(?s).*\\n\\s+severity: (critical|warning|info)\\n.*"), alert + ": severity");
                assertTrue(rule.matches("(?s).*\\n\\s+team: (service|security|dr)\\n.*"), alert + ": team");
                assertTrue(rule.matches("(?s).*\\n\\s+summary: .+\\n.*"), alert + ": summary");
                assertTrue(rule.matches("(?s).*\\n\\s+runbook_url: README\\.md#citadel[a-z]+\\n.*"),
                        alert + ": runbook_url into the README");
                assertTrue(unitTests.toString().contains("alertname: " + alert + "\n"), alert + " has no promtool test");
                alerts++;
            }
        }
        assertTrue(alerts >= 17, "the issue lists 17 conditions; rules found: " + alerts);
    }

    @Test
    void amtoolAcceptsTheAlertmanagerConfiguration() {
        String output = ObservabilityTools.succeed(AMTOOL, "check-config", "alertmanager/alertmanager.yml");

        assertTrue(output.contains("SUCCESS"), output);
        assertTrue(output.contains("3 inhibit rules"), output);
    }

    /** Each route, with the receivers Alertmanager resolves it to, in the order of the routing tree. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "severity=critical team=service  | on-call-pager,operations-email",
            "severity=critical team=security | on-call-pager,security-team",
            "severity=critical team=dr       | on-call-pager,dba-channel",
            "severity=warning team=security  | security-team",
            "severity=info team=security     | security-team",
            "severity=warning team=dr        | dba-channel",
            "severity=warning team=service   | operations-email",
            "alertname=SomethingUnlabelled   | operations-email",
    })
    void eachKindOfAlertReachesItsReceivers(String labels, String receivers) {
        List<String> command = new ArrayList<>(List.of(AMTOOL, "config", "routes", "test",
                "--config.file=alertmanager/alertmanager.yml", "--verify.receivers=" + receivers));
        command.addAll(List.of(labels.split(" +")));

        String output = ObservabilityTools.succeed(command);

        assertTrue(output.lines().anyMatch(receivers::equals), output);
    }

    /** Ready for Grafana's file provisioning: a stable uid, no database id, every panel on the chosen data source. */
    @Test
    void dashboardsAreReadyForProvisioning() {
        List<Path> dashboards = DashboardQueries.dashboards();
        assertEquals(List.of("dr.json", "security.json", "service.json"),
                dashboards.stream().map(file -> file.getFileName().toString()).toList());
        for (Path file : dashboards) {
            JsonNode dashboard = DashboardQueries.read(file);
            assertTrue(dashboard.path("uid").asText().matches("citadel-[a-z]+"), file + ": uid");
            assertTrue(dashboard.path("id").isMissingNode(), file + ": a provisioned dashboard has no database id");
            assertEquals("datasource", dashboard.at("/templating/list/0/name").asText(), file + ": data source variable");
            for (JsonNode panel : dashboard.get("panels")) {
                String where = file.getFileName() + " › " + panel.get("title").asText();
                assertEquals("${datasource}", panel.at("/datasource/uid").asText(), where);
                assertFalse(panel.get("targets").isEmpty(), where);
                panel.get("targets").forEach(target -> assertFalse(target.path("expr").asText().isBlank(), where));
                JsonNode grid = panel.get("gridPos");
                assertTrue(grid.get("x").asInt() + grid.get("w").asInt() <= 24, where + ": wider than the dashboard");
            }
        }
    }

    /** Each dashboard query, as a recording rule, through promtool's parser: a typo fails here, without a stack. */
    @Test
    void promtoolParsesEveryDashboardQuery(@TempDir Path temporary) throws IOException {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        List<DashboardQueries.Query> queries = DashboardQueries.all();
        for (int i = 0; i < queries.size(); i++) {
            // a JSON string is a double-quoted YAML scalar
            rules.append("      - record: dashboard:query_").append(i).append("\n        expr: ")
                    .append(JSON.writeValueAsString(queries.get(i).expr())).append('\n');
        }
        Path file = Files.writeString(temporary.resolve("dashboard-queries.yml"), rules);

        String output = ObservabilityTools.succeed(PROMTOOL, "check", "rules", file.toString());

        assertTrue(output.contains("SUCCESS: " + queries.size() + " rules found"), output);
    }

    /** The text of each rule, from its "- alert:" line to the next. */
    private static List<String> alertBlocks(String rules) {
        List<String> blocks = new ArrayList<>();
        Matcher start = ALERT.matcher(rules);
        List<Integer> starts = new ArrayList<>();
        while (start.find()) {
            starts.add(start.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            blocks.add(rules.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : rules.length()) + "\n");
        }
        return blocks;
    }

    private static int count(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }
}
