package health.citadel.localstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Unpacks the runtimes that Maven Central ships as archives, keeping their executable bits. */
final class Archives {

    private Archives() {
    }

    /** Unpacks a zip, dropping its first path component (the distribution's own top folder). */
    static void unzipStrippingTop(Path zip, Path target) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(zip));
             ZipArchiveInputStream archive = new ZipArchiveInputStream(in)) {
            extract(archive, target, true);
        } catch (IOException e) {
            throw new StackException("cannot unpack " + zip + ": " + e.getMessage(), e);
        }
    }

    static void untarXz(InputStream txz, Path target) {
        try (TarArchiveInputStream archive = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            extract(archive, target, false);
        } catch (IOException e) {
            throw new StackException("cannot unpack the PostgreSQL binaries: " + e.getMessage(), e);
        }
    }

    private static <E extends ArchiveEntry> void extract(ArchiveInputStream<E> archive, Path target, boolean stripTop)
            throws IOException {
        Path base = target.toAbsolutePath().normalize();
        Files.createDirectories(base);
        E entry;
        while ((entry = archive.getNextEntry()) != null) {
            String name = entry.getName();
            if (stripTop) {
                int slash = name.indexOf('/');
                name = slash < 0 ? "" : name.substring(slash + 1);
            }
            if (name.isEmpty()) {
                continue;
            }
            Path out = base.resolve(name).normalize();
            if (!out.startsWith(base)) {
                throw new IOException("archive entry escapes the target folder: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(out);
            } else if (entry instanceof TarArchiveEntry tar && tar.isSymbolicLink()) {
                Files.createDirectories(out.getParent());
                Files.deleteIfExists(out);
                Files.createSymbolicLink(out, Path.of(tar.getLinkName()));
            } else {
                Files.createDirectories(out.getParent());
                Files.copy(archive, out, StandardCopyOption.REPLACE_EXISTING);
                if (isExecutable(entry)) {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(out));
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(out, permissions);
                }
            }
        }
    }

    private static boolean isExecutable(ArchiveEntry entry) {
        int mode = entry instanceof TarArchiveEntry tar ? tar.getMode()
                : entry instanceof ZipArchiveEntry zip ? zip.getUnixMode() : 0;
        return (mode & 0100) != 0 || entry.getName().endsWith(".sh") || entry.getName().contains("/bin/");
    }
}
