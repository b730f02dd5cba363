package health.citadel.dr.internal.backup;

import java.nio.file.Path;

/**
 * Where backups go, the key they are encrypted with, the migrations a restore prepares its target with (and
 * {@code dr migrate} applies), and the
 * login a restore creates its target with.
 */
public record BackupSettings(Path keyset, Path directory, String migrations, String restoreUser,
                             String restorePassword) {
}
