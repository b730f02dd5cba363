package health.citadel.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** {@code terraform fmt -check}: where terraform is installed. It needs no provider and no network. */
class TerraformFormatTest {

    @Test
    void everyFileIsFormatted() throws IOException, InterruptedException {
        Optional<Path> terraform = onPath("terraform");
        assumeTrue(terraform.isPresent(),
                "terraform is not on the PATH: `terraform fmt -check -recursive infra/terraform` is skipped (the HCL is still parsed and checked)");
        Path log = Files.createTempFile("terraform-fmt", ".log");
        try {
            Process fmt = new ProcessBuilder(terraform.get().toString(), "fmt", "-check", "-recursive", "-diff", "-no-color",
                    TerraformTreeTest.TERRAFORM.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(fmt.waitFor(60, TimeUnit.SECONDS), "terraform fmt did not finish in 60 s");
            assertEquals(0, fmt.exitValue(), "terraform fmt -check found unformatted files (run `terraform fmt -recursive infra/terraform`):\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }
}
