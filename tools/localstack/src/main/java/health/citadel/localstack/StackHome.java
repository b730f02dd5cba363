package health.citadel.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The folder that holds one local stack: runtimes, data, logs, secrets and the descriptor files. */
record StackHome(Path root) {

    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /**
     * The folder as it is, which may not exist yet: what only looks ({@code status}, {@code down}) creates nothing.
     * One that is not a stack's is rejected.
     */
    static StackHome at(Path root) {
        Path home = root.toAbsolutePath().normalize();
        if (Files.exists(home) && !Files.isDirectory(home)) {
            throw new StackException(corrupt(home, "is not a directory"));
        }
        return new StackHome(home);
    }

    /** Creates the folder and its logs, run and runtime folders, on first use. */
    StackHome create() {
        try {
            for (Path dir : new Path[] {root, logs(), run(), runtime()}) {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, OWNER_ONLY_DIR);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot create " + root + ": " + e.getMessage(), e);
        }
        return this;
    }

    static String corrupt(Path what, String problem) {
        return "$CITADEL_HOME is corrupt: " + what + " " + problem
                + "; move the folder aside (or delete it) to start a fresh stack";
    }

    Path secrets() {
        return root.resolve("secrets.properties");
    }

    Path stackJson() {
        return root.resolve("stack.json");
    }

    Path demoLogins() {
        return root.resolve("demo-logins.json");
    }

    /** The application's audit checkpoint witness; in production it lives on storage the DBAs do not administer. */
    Path auditWitness() {
        return root.resolve("audit-witness.jsonl");
    }

    /** The DR operations' journal: bin/citadel dr's default, so the DBA console appends to the same one. */
    Path drJournal() {
        return root.resolve("dr-journal.jsonl");
    }

    /** Where bin/citadel dr backup writes; it stands for region A's backup storage. */
    Path backups() {
        return root.resolve("backups");
    }

    /** Where each backup is copied: it stands for region B's backup storage, so a restore drill may use either. */
    Path backupCopies() {
        return root.resolve("region-b").resolve("backups");
    }

    /** Where a region's server archives each finished WAL segment, for point-in-time restores. */
    Path walArchive(String region) {
        return root.resolve("wal-archive").resolve(region);
    }

    /** Where {@code bin/citadel dr base-backup} copies a region's data folder. */
    Path baseBackups(String region) {
        return root.resolve("base-backups").resolve(region);
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path run() {
        return root.resolve("run");
    }

    Path runtime() {
        return root.resolve("runtime");
    }

    Path postgresData(String region) {
        return root.resolve("postgres").resolve(region);
    }

    Path keycloak() {
        return root.resolve("keycloak");
    }

    Path libertyUser() {
        return root.resolve("liberty");
    }

    Path keys() {
        return root.resolve("keys");
    }

    Path tls() {
        return root.resolve("tls");
    }

    /**
     * A folder only its owner can enter, created if need be and closed if it was open: the stack's home is the
     * owner's already, but a folder of secrets stays closed when the home is copied or opened by mistake.
     */
    static Path ownerOnlyDirectory(Path dir) {
        try {
            Files.createDirectories(dir, OWNER_ONLY_DIR);
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR.value());
            return dir;
        } catch (IOException e) {
            throw new StackException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file only its owner can read, replacing what was there. */
    static void writeSecretFile(Path file, String content) {
        writeSecretFile(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static void writeSecretFile(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, OWNER_ONLY_FILE);
            Files.write(file, content);
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
