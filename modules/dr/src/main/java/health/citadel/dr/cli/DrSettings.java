package health.citadel.dr.cli;

import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.backup.BackupRetention;
import health.citadel.dr.internal.backup.BackupSettings;
import health.citadel.dr.internal.backup.PointInTimeSettings;
import health.citadel.dr.internal.health.ReplicationProbe;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where {@code bin/citadel dr} finds the regions: the local stack's {@code stack.json}, or, outside it,
 * {@code CITADEL_DR_REGIONS} (e.g. {@code a,b}) with {@code CITADEL_DR_REGION_<NAME>_URL}, the DBA login
 * ({@code CITADEL_DR_USER}, {@code CITADEL_DR_PASSWORD}) and the replication login
 * ({@code CITADEL_DR_REPLICATOR_USER}, {@code CITADEL_DR_REPLICATOR_PASSWORD}).
 *
 * @param stackJson the local stack's descriptor, whose region roles an operation that moves the writer updates
 */
record DrSettings(RegionAccess regions, Path journal, Duration heartbeatInterval, String operator,
                  Optional<Path> stackJson, BackupSettings backups, PointInTimeSettings pointInTime) {

    static DrSettings from(Map<String, String> environment) throws IOException {
        Duration heartbeat = Duration.parse(environment.getOrDefault("CITADEL_DR_HEARTBEAT_INTERVAL", "PT1S"));
        String operator = environment.getOrDefault("CITADEL_DR_OPERATOR", System.getProperty("user.name", "dba"));
        ApplicationLogins application = new ApplicationLogins(
                environment.getOrDefault("CITADEL_DR_APP_LOGIN", "citadel_app"),
                environment.getOrDefault("CITADEL_DR_OWNER_LOGIN", "citadel_owner"),
                environment.getOrDefault("CITADEL_DR_CONSOLE_LOGIN", "citadel_dr"));
        Path home = Path.of(environment.getOrDefault("CITADEL_HOME", ".citadel"));
        if (environment.containsKey("CITADEL_DR_REGIONS")) {
            Map<String, String> urls = new LinkedHashMap<>();
            for (String name : environment.get("CITADEL_DR_REGIONS").split(",")) {
                String key = "CITADEL_DR_REGION_" + name.trim().toUpperCase(Locale.ROOT) + "_URL";
                if (!environment.containsKey(key)) {
                    throw new IOException(key + " is not set");
                }
                urls.put(name.trim(), environment.get(key));
            }
            return new DrSettings(new RegionAccess(new ArrayList<>(urls.keySet()), urls,
                    environment.getOrDefault("CITADEL_DR_USER", ""), environment.getOrDefault("CITADEL_DR_PASSWORD", ""),
                    environment.getOrDefault("CITADEL_DR_REPLICATOR_USER", ""),
                    environment.getOrDefault("CITADEL_DR_REPLICATOR_PASSWORD", ""), application),
                    Path.of(environment.getOrDefault("CITADEL_DR_JOURNAL", home.resolve("dr-journal.jsonl").toString())),
                    heartbeat, operator, Optional.empty(), backups(environment, home, null,
                    environment.getOrDefault("CITADEL_DR_USER", ""), environment.getOrDefault("CITADEL_DR_PASSWORD", "")),
                    pointInTime(environment, urls.keySet(), name -> {
                        String prefix = "CITADEL_DR_REGION_" + name.toUpperCase(Locale.ROOT);
                        return new PointInTimeSettings.Storage(
                                Path.of(environment.getOrDefault(prefix + "_WAL_ARCHIVE", "")),
                                Path.of(environment.getOrDefault(prefix + "_BASE_BACKUPS", "")));
                    }, environment.getOrDefault("CITADEL_DR_POSTGRES_BIN", "")));
        }
        Path stack = home.resolve("stack.json");
        if (!Files.isRegularFile(stack)) {
            throw new IOException("no " + stack + ": start the local stack, or set CITADEL_DR_REGIONS");
        }
        JsonObject descriptor = read(stack);
        JsonObject regions = descriptor.getJsonObject("regions");
        Map<String, String> urls = new LinkedHashMap<>();
        regions.forEach((name, region) -> urls.put(name, region.asJsonObject().getString("jdbcUrl")));
        JsonObject first = regions.values().iterator().next().asJsonObject();
        JsonObject replication = descriptor.getJsonObject("replication");
        JsonObject logins = descriptor.getJsonObject("applicationLogins");
        return new DrSettings(new RegionAccess(new ArrayList<>(urls.keySet()), urls, first.getString("dbaUser"),
                first.getString("dbaPassword"), replication.getString("user"), replication.getString("password"),
                new ApplicationLogins(logins.getString("app"), logins.getString("owner"), logins.getString("console", ""))),
                Path.of(environment.getOrDefault("CITADEL_DR_JOURNAL", home.resolve("dr-journal.jsonl").toString())),
                heartbeat, operator, Optional.of(stack), backups(environment, home,
                descriptor.getJsonObject("backups"), first.getString("dbaUser"), first.getString("dbaPassword")),
                pointInTime(environment, urls.keySet(), name -> {
                    // a stack.json written before WAL was archived names no archive: a base backup then says so
                    JsonObject region = regions.getJsonObject(name);
                    return new PointInTimeSettings.Storage(Path.of(region.getString("walArchive", "")),
                            Path.of(region.getString("baseBackups", "")));
                }, environment.getOrDefault("CITADEL_DR_POSTGRES_BIN",
                        descriptor.getJsonObject("backups").getString("postgresBin", ""))));
    }

    /**
     * Each region's WAL archive and base backups, {@code CITADEL_DR_BASE_BACKUP_KEEP} (2) and PostgreSQL's
     * programs, which a point-in-time restore starts the recovered cluster with.
     */
    private static PointInTimeSettings pointInTime(Map<String, String> environment, Iterable<String> regions,
                                                   Function<String, PointInTimeSettings.Storage> storage,
                                                   String postgresBin) throws IOException {
        Map<String, PointInTimeSettings.Storage> storages = new LinkedHashMap<>();
        regions.forEach(name -> storages.put(name, storage.apply(name)));
        int keep = count(environment, "CITADEL_DR_BASE_BACKUP_KEEP", 2);
        if (keep < 1) {
            throw new IOException("CITADEL_DR_BASE_BACKUP_KEEP is 0: at least the newest base backup must be kept, "
                    + "or no moment can be restored");
        }
        return new PointInTimeSettings(Path.of(postgresBin), storages, keep);
    }

    /**
     * {@code CITADEL_DR_BACKUP_KEYSET}, {@code CITADEL_DR_BACKUPS}, {@code CITADEL_DR_BACKUP_COPY} (the stack's
     * region B folder; elsewhere no copy unless set), {@code CITADEL_DR_BACKUP_KEEP_DAILY} and {@code _WEEKLY}
     * (7 and 4), {@code CITADEL_MIGRATIONS}, and the restore target's DBA login ({@code CITADEL_DR_RESTORE_USER}/
     * {@code _PASSWORD}, else the regions' DBA login).
     */
    private static BackupSettings backups(Map<String, String> environment, Path home, JsonObject stack, String dbaUser,
                                   String dbaPassword) throws IOException {
        String keyset = environment.getOrDefault("CITADEL_DR_BACKUP_KEYSET",
                stack == null ? home.resolve("keys/dr-backup.json").toString() : stack.getString("keyset"));
        Path directory = Path.of(environment.getOrDefault("CITADEL_DR_BACKUPS",
                stack == null ? home.resolve("backups").toString() : stack.getString("directory")));
        // a stack.json written before copies were made has none
        Optional<Path> copy = Optional.ofNullable(environment.getOrDefault("CITADEL_DR_BACKUP_COPY",
                stack == null ? null : stack.getString("copy", null))).map(Path::of);
        if (copy.isPresent() && copy.get().toAbsolutePath().normalize().equals(directory.toAbsolutePath().normalize())) {
            throw new IOException("CITADEL_DR_BACKUP_COPY is '" + copy.get() + "', the backups folder itself: a copy "
                    + "belongs on the other region's storage");
        }
        return new BackupSettings(Path.of(keyset), directory, copy, new BackupRetention(
                count(environment, "CITADEL_DR_BACKUP_KEEP_DAILY", 7), count(environment, "CITADEL_DR_BACKUP_KEEP_WEEKLY", 4)),
                environment.getOrDefault("CITADEL_MIGRATIONS", "db/migrations"),
                environment.getOrDefault("CITADEL_DR_RESTORE_USER", dbaUser),
                environment.getOrDefault("CITADEL_DR_RESTORE_PASSWORD", dbaPassword));
    }

    /** How many backups a retention setting keeps. */
    private static int count(Map<String, String> environment, String variable, int unset) throws IOException {
        String value = environment.get(variable);
        if (value == null) {
            return unset;
        }
        if (!value.strip().matches("\\d{1,4}")) {
            throw new IOException(variable + " is '" + value + "': it must be a whole number of backups to keep, "
                    + "from 0 to 9999");
        }
        return Integer.parseInt(value.strip());
    }

    /** Probes the regions as the DBA. */
    ReplicationProbe probe() {
        return new ReplicationProbe(regions.names(), regions::dba, regions.application());
    }

    /** Marks {@code writer} as the writer in the local stack's descriptor, which scripts and tests read. */
    void recordWriter(String writer) throws IOException {
        if (stackJson.isEmpty()) {
            return;
        }
        JsonObject descriptor = read(stackJson.get());
        JsonObjectBuilder regions = Json.createObjectBuilder();
        descriptor.getJsonObject("regions").forEach((name, region) -> regions.add(name,
                Json.createObjectBuilder(region.asJsonObject()).add("role", name.equals(writer) ? "writer" : "standby")));
        JsonObjectBuilder updated = Json.createObjectBuilder(descriptor).add("regions", regions);
        Path temporary = stackJson.get().resolveSibling("stack.json.tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, updated.build().toString());
        Files.move(temporary, stackJson.get(), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonObject read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file); JsonReader reader = Json.createReader(in)) {
            JsonValue value = reader.readValue();
            return value.asJsonObject();
        }
    }
}
