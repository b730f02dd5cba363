package health.citadel.infra.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are: the build passes {@code citadel.root}; an IDE run finds it from the working directory. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("citadel.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "infra"))) {
            return Path.of(configured);
        }
        for (Path here = Path.of("").toAbsolutePath(); here != null; here = here.getParent()) {
            if (Files.isDirectory(here.resolve("infra/kubernetes"))) {
                return here;
            }
        }
        throw new IllegalStateException("cannot find the repository root (set -Dcitadel.root)");
    }

    static Path kubernetes() {
        return root().resolve("infra/kubernetes");
    }
}
