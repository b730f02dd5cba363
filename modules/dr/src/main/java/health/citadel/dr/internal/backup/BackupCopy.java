package health.citadel.dr.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A backup copied into the other region's folder, so that losing one region's storage loses no backup. The copy
 * counts only once read back: the same bytes (SHA-256) and a manifest its key reads as the original's.
 */
final class BackupCopy {

    private BackupCopy() {
    }

    /** @return the copy, under the backup's own name in {@code into} */
    static Path of(Path backup, BackupFolder into) throws IOException, GeneralSecurityException {
        Path copy = into.directory().resolve(backup.getFileName());
        Path partial = into.start(copy);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(backup), sha256);
                 OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            into.finish(partial, copy);
            if (!Arrays.equals(sha256.digest(), digest(copy))) {
                throw new IOException("the copy " + copy + " does not read back as the backup's bytes");
            }
            if (!into.manifest(copy).equals(into.manifest(backup))) {
                throw new IOException("the copy " + copy + " does not hold the backup's manifest");
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // a copy that is not whole must not pass for one, here or with retention
            Files.deleteIfExists(partial);
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    private static byte[] digest(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return sha256.digest();
    }
}
