package health.citadel.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * What is deployed while the workload runs: the production WAR, or a copy of it with one benchmark jar added
 * that replaces one CDI bean. Everything else, code path included, is the same bytes.
 */
enum Variant {
    PRODUCTION("production", null),
    PLAINTEXT_CIPHER("no-op cipher", "plaintext-cipher"),
    AUDIT_REMOVED("audit call removed", "audit-removed");

    final String label;
    /** The classifier of the bench jar that makes this variant, or null for the production WAR as built. */
    private final String classifier;

    Variant(String label, String classifier) {
        this.label = label;
        this.classifier = classifier;
    }

    /** The WAR to deploy: the production WAR itself, or a copy in {@code workDir} with the variant's jar added. */
    Path war(Path productionWar, Path benchJars, Path workDir) throws IOException {
        if (classifier == null) {
            return productionWar;
        }
        Path jar = benchJars.resolve("citadel-bench-" + classifier + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new BenchFailure("the bench jar " + jar + " is missing; build with ./mvnw -DskipTests package");
        }
        Files.createDirectories(workDir);
        Path war = workDir.resolve("citadel-" + classifier + ".war");
        Files.copy(productionWar, war, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + war.toUri()), Map.of())) {
            Files.copy(jar, zip.getPath("WEB-INF/lib", jar.getFileName().toString()));
        }
        return war;
    }
}
