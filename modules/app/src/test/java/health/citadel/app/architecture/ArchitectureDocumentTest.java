package health.citadel.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The architecture document's dependency table is the one ArchUnit enforces: it cannot drift from the rules. */
class ArchitectureDocumentTest {

    private static final String TABLE_HEADING = "### Which module may use which";

    @Test
    void theDocumentsDependencyTableIsTheEnforcedOne() throws IOException {
        assertEquals(ModuleBoundaries.MAY_USE, dependencyTable(Files.readAllLines(document())));
    }

    @Test
    void aRowThatDisagreesWithTheRulesIsSeen() throws IOException {
        List<String> lines = Files.readAllLines(document()).stream()
                .map(line -> line.startsWith("| dr ") ? "| dr | platform, audit |" : line).toList();

        assertTrue(!ModuleBoundaries.MAY_USE.equals(dependencyTable(lines)));
    }

    /** The rows of the table under {@value #TABLE_HEADING}: module, then the modules it may use. */
    static Map<String, Set<String>> dependencyTable(List<String> lines) {
        int heading = lines.indexOf(TABLE_HEADING);
        assertTrue(heading >= 0, "the document has the heading " + TABLE_HEADING);
        Map<String, Set<String>> table = new LinkedHashMap<>();
        lines.stream().skip(heading + 1).dropWhile(line -> !line.startsWith("|")).takeWhile(line -> line.startsWith("|"))
                .skip(2) // the header and its rule
                .map(line -> line.split("\\|"))
                .forEach(cells -> table.put(cells[1].strip(), uses(cells[2].strip())));
        return table;
    }

    private static Set<String> uses(String cell) {
        return "nothing of ours".equals(cell) ? Set.of()
                : Arrays.stream(cell.split(",")).map(String::strip).collect(Collectors.toUnmodifiableSet());
    }

    /** {@code docs/architecture.md} of the checkout, found from wherever the build runs the tests. */
    private static Path document() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("docs/architecture.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no docs/architecture.md above " + Path.of("").toAbsolutePath());
    }
}
