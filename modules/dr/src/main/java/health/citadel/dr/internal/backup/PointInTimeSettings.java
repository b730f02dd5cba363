package health.citadel.dr.internal.backup;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a point-in-time restore needs besides the regions: each region's WAL archive and base backups, how many
 * base backups to keep, and PostgreSQL's own programs, with which the restore starts the recovered cluster.
 */
public record PointInTimeSettings(Path postgresBin, Map<String, Storage> regions, int keepBaseBackups) {

    /** One region's storage: where its server archives finished WAL segments, and where base backups go. */
    public record Storage(Path walArchive, Path baseBackups) {
    }

    public PointInTimeSettings {
        regions = Map.copyOf(regions);
    }

    Storage of(String region) {
        Storage storage = regions.get(region);
        if (storage == null || storage.walArchive().toString().isEmpty()
                || storage.baseBackups().toString().isEmpty()) {
            throw new IllegalArgumentException("region " + region + " has no WAL archive or base backup folder "
                    + "configured: see the README's point-in-time restore");
        }
        return storage;
    }
}
