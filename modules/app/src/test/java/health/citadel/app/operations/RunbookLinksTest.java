package health.citadel.app.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every alert's runbook link leads to a runbook: a heading of the README with that anchor. */
class RunbookLinksTest {

    private static final Pattern RUNBOOK = Pattern.compile("runbook_url: README\\.md#([a-z0-9-]+)");

    @Test
    void everyAlertsRunbookIsAHeadingOfTheReadme() throws IOException {
        Set<String> linked = new TreeSet<>();
        for (Path rules : ObservabilityTools.files("prometheus/rules", ".yml")) {
            Matcher link = RUNBOOK.matcher(Files.readString(rules));
            while (link.find()) {
                linked.add(link.group(1));
            }
        }
        assertFalse(linked.isEmpty(), "the rules link their runbooks");
        Set<String> headings = Files.readAllLines(ObservabilityTools.home().resolve("../../README.md")).stream()
                .filter(line -> line.startsWith("#")).map(RunbookLinksTest::anchor).collect(Collectors.toSet());

        linked.removeAll(headings);
        assertEquals(Set.of(), linked, "runbooks the README lacks");
    }

    /** The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
