package health.citadel.dr.internal.backup;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip of the manifest, one binary {@code COPY} stream per table and the streams' SHA-256
 * digests, encrypted as a whole with Tink's streaming AEAD (AES-256-GCM-HKDF, 1 MiB segments). Every segment is
 * authenticated and the end is marked, so a changed, reordered or cut file fails to decrypt instead of
 * restoring something else; the key is not in the database, so a DBA with the file alone reads nothing.
 */
final class BackupArchive {

    static final String MANIFEST = "manifest.json";
    static final String DIGESTS = "digests.json";
    static final String TABLE_PREFIX = "tables/";
    /** Binds the ciphertext to its purpose: a backup key's output is never taken for anything else. */
    private static final byte[] ASSOCIATED_DATA = "citadel-backup-v1".getBytes(StandardCharsets.UTF_8);

    private BackupArchive() {
    }

    static ZipOutputStream write(Path file, Path keyset) throws IOException, GeneralSecurityException {
        StreamingAead cipher = cipher(keyset);
        return wrapped(Files.newOutputStream(file),
                out -> new ZipOutputStream(cipher.newEncryptingStream(out, ASSOCIATED_DATA)));
    }

    static ZipInputStream read(Path file, Path keyset) throws IOException, GeneralSecurityException {
        StreamingAead cipher = cipher(keyset);
        return wrapped(Files.newInputStream(file),
                in -> new ZipInputStream(cipher.newDecryptingStream(in, ASSOCIATED_DATA)));
    }

    /** How a file's stream becomes the archive's. */
    @FunctionalInterface
    private interface Wrap<S, T> {
        T around(S stream) throws IOException, GeneralSecurityException;
    }

    /** The file's stream, wrapped; closed again if wrapping fails, so no descriptor leaks. */
    private static <S extends Closeable, T> T wrapped(S stream, Wrap<S, T> wrap)
            throws IOException, GeneralSecurityException {
        try {
            return wrap.around(stream);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The next entry, which must have this name: the order is part of the format. */
    static ZipEntry expect(ZipInputStream zip, String name) throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null || !entry.getName().equals(name)) {
            throw new IOException("the backup is not whole: expected " + name + " but found "
                    + (entry == null ? "the end" : entry.getName()));
        }
        return entry;
    }

    private static StreamingAead cipher(Path keyset) throws IOException, GeneralSecurityException {
        StreamingAeadConfig.register();
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyset), InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
    }
}
