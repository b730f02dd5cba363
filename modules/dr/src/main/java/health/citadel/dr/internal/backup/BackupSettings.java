package health.citadel.dr.internal.backup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where backups go and where each is copied (the other region's storage; none where unset), what retention
 * keeps of them, the key they are encrypted with, the migrations a restore prepares its target with (and
 * {@code dr migrate} applies), and the login a restore creates its target with.
 */
public record BackupSettings(Path keyset, Path directory, Optional<Path> copy, BackupRetention retention,
                             String migrations, String restoreUser, String restorePassword) {
}
