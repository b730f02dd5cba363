package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantTest {

    @TempDir
    Path dir;

    @Test
    void aVariantIsTheProductionWarWithItsJarAdded() throws IOException {
        Path war = zip(dir.resolve("citadel.war"), "WEB-INF/web.xml", "WEB-INF/lib/citadel-records.jar");
        Path jars = Files.createDirectories(dir.resolve("jars"));
        zip(jars.resolve("citadel-bench-plaintext-cipher.jar"), "META-INF/beans.xml");

        Path variant = Variant.PLAINTEXT_CIPHER.war(war, jars, dir.resolve("work"));

        try (ZipFile zip = new ZipFile(variant.toFile())) {
            assertEquals(List.of("WEB-INF/web.xml", "WEB-INF/lib/citadel-records.jar",
                            "WEB-INF/lib/citadel-bench-plaintext-cipher.jar"),
                    zip.stream().map(ZipEntry::getName).filter(name -> !name.endsWith("/")).toList());
        }
        try (ZipFile original = new ZipFile(war.toFile())) {
            assertEquals(2, original.size(), "the production WAR is left as built");
        }
    }

    @Test
    void productionIsTheWarAsBuilt() throws IOException {
        Path war = zip(dir.resolve("citadel.war"), "WEB-INF/web.xml");
        assertSame(war, Variant.PRODUCTION.war(war, dir, dir.resolve("work")));
    }

    @Test
    void aMissingVariantJarIsSaidSo() throws IOException {
        Path war = zip(dir.resolve("citadel.war"), "WEB-INF/web.xml");
        assertThrows(BenchFailure.class, () -> Variant.AUDIT_REMOVED.war(war, dir, dir.resolve("work")));
    }

    private static Path zip(Path file, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(entry.getBytes());
                zip.closeEntry();
            }
        }
        return file;
    }
}
