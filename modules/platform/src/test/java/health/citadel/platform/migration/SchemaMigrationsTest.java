package health.citadel.platform.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {

    @TempDir
    Path root;

    @Test
    void theNewestVersionIsTheHighestNumberedVersionedMigration() throws IOException {
        Files.createDirectories(root.resolve("records"));
        Files.createDirectories(root.resolve("audit"));
        for (String name : List.of("V1__patients.sql", "V10__documents.sql", "V2__history.sql", "R__views.sql",
                "V11__draft.sql.orig", "README.md")) {
            Files.writeString(root.resolve("records").resolve(name), "");
        }

        assertEquals(Map.of("records", "10", "audit", ""),
                SchemaMigrations.newestVersions(root, List.of("records", "audit")));
    }
}
