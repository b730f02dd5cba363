package health.citadel.dr.cli;

import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.RegionComparison;
import health.citadel.dr.internal.ReplicationProbe;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/citadel dr status|verify [--json]}: replication health, or a table-by-table comparison of both
 * regions, read straight from their databases, so it works while the application is down. The regions come from the local stack's {@code stack.json}, or from
 * {@code CITADEL_DR_REGIONS} (e.g. {@code a,b}), {@code CITADEL_DR_REGION_<NAME>_URL}, {@code CITADEL_DR_USER}
 * and {@code CITADEL_DR_PASSWORD}. Exits 0 when healthy (or the same), 1 on a problem (or a difference), 2
 * when it cannot run.
 */
public final class DrCommand {

    static final int UNHEALTHY = 1;
    static final int UNUSABLE = 2;
    private static final String USAGE = "usage: bin/citadel dr status|verify [--json]";

    private DrCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        List<String> arguments = List.of(args);
        if (arguments.isEmpty() || !List.of("status", "verify").contains(arguments.get(0)) || arguments.size() > 2
                || (arguments.size() == 2 && !arguments.get(1).equals("--json"))) {
            err.println(USAGE);
            return UNUSABLE;
        }
        boolean asJson = arguments.contains("--json");
        try {
            Regions regions = Regions.from(environment);
            ReplicationProbe.RegionConnector connector = region -> DriverManager.getConnection(
                    regions.urls().get(region), regions.user(), regions.password());
            ReplicationStatus status = new ReplicationProbe(regions.names(), connector).probe();
            if (arguments.get(0).equals("verify")) {
                return verify(status, connector, asJson, out);
            }
            out.println(asJson ? json(status) : text(status));
            return status.problems().isEmpty() ? 0 : UNHEALTHY;
        } catch (SQLException e) {
            err.println("citadel: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
            return UNUSABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNUSABLE;
        } catch (IOException | RuntimeException e) {
            err.println("citadel: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /** Where the regions are and how to log in to read their catalogs. */
    record Regions(List<String> names, Map<String, String> urls, String user, String password) {

        static Regions from(Map<String, String> environment) throws IOException {
            if (environment.containsKey("CITADEL_DR_REGIONS")) {
                Map<String, String> urls = new LinkedHashMap<>();
                for (String name : environment.get("CITADEL_DR_REGIONS").split(",")) {
                    String key = "CITADEL_DR_REGION_" + name.trim().toUpperCase(Locale.ROOT) + "_URL";
                    if (!environment.containsKey(key)) {
                        throw new IOException(key + " is not set");
                    }
                    urls.put(name.trim(), environment.get(key));
                }
                return new Regions(new ArrayList<>(urls.keySet()), urls,
                        environment.getOrDefault("CITADEL_DR_USER", ""),
                        environment.getOrDefault("CITADEL_DR_PASSWORD", ""));
            }
            Path stack = Path.of(environment.getOrDefault("CITADEL_HOME", ".citadel"), "stack.json");
            if (!Files.isRegularFile(stack)) {
                throw new IOException("no " + stack + ": start the local stack, or set CITADEL_DR_REGIONS");
            }
            try (Reader in = Files.newBufferedReader(stack); JsonReader reader = Json.createReader(in)) {
                JsonObject regions = reader.readObject().getJsonObject("regions");
                Map<String, String> urls = new LinkedHashMap<>();
                regions.forEach((name, region) -> urls.put(name, region.asJsonObject().getString("jdbcUrl")));
                JsonObject first = regions.values().iterator().next().asJsonObject();
                return new Regions(new ArrayList<>(urls.keySet()), urls, first.getString("dbaUser"),
                        first.getString("dbaPassword"));
            }
        }
    }

    /** Compares every replicated table between the writer and the standby; exits 1 naming any that differ. */
    private static int verify(ReplicationStatus status, ReplicationProbe.RegionConnector connector, boolean asJson,
                              PrintStream out) throws SQLException, InterruptedException {
        List<RegionComparison.Table> tables;
        try (Connection writer = connector.open(status.writer().name());
             Connection standby = connector.open(status.standby().name())) {
            tables = RegionComparison.compare(writer, standby);
        }
        List<RegionComparison.Table> different = tables.stream().filter(table -> !table.same()).toList();
        if (asJson) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            tables.forEach(table -> rows.add(Json.createObjectBuilder().add("table", table.name())
                    .add("writerRows", table.writerRows()).add("standbyRows", table.standbyRows())
                    .add("same", table.same())));
            out.println(Json.createObjectBuilder().add("same", different.isEmpty()).add("tables", rows).build());
        } else {
            tables.forEach(table -> out.printf(Locale.ROOT, "%-8s %-40s %d rows in %s, %d in %s%n",
                    table.same() ? "same" : "DIFFERS", table.name(), table.writerRows(), status.writer().name(),
                    table.standbyRows(), status.standby().name()));
            out.println(different.isEmpty() ? "Both regions hold the same rows in all " + tables.size() + " tables."
                    : different.size() + " of " + tables.size() + " tables differ.");
        }
        return different.isEmpty() ? 0 : UNHEALTHY;
    }

    static String text(ReplicationStatus status) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "writer   region %s%s%n", status.writer().name(), region(status.writer())));
        text.append(String.format(Locale.ROOT, "standby  region %s%s%n", status.standby().name(), region(status.standby())));
        text.append(String.format(Locale.ROOT, "lag      %s, %s%n",
                status.lagSeconds() == null ? "unknown" : String.format(Locale.ROOT, "%.2f s", status.lagSeconds()),
                status.lagBytes() == null ? "unknown" : status.lagBytes() + " bytes"));
        if (status.slot() != null) {
            text.append(String.format(Locale.ROOT, "slot     %s, %s, WAL %s%n", status.slot().name(),
                    status.slot().active() ? "active" : "INACTIVE", status.slot().walStatus()));
        }
        if (status.subscription() != null) {
            var subscription = status.subscription();
            text.append(String.format(Locale.ROOT, "apply    %s, %s, %d apply errors, %d sync errors%n",
                    subscription.enabled() ? "enabled" : "DISABLED",
                    subscription.workerRunning() ? "worker running" : "WORKER STOPPED",
                    subscription.applyErrors(), subscription.syncErrors()));
        }
        text.append("last heartbeat applied  ")
                .append(status.lastAppliedHeartbeat() == null ? "none" : status.lastAppliedHeartbeat()).append('\n');
        status.problems().forEach(problem -> text.append("PROBLEM  ").append(problem).append('\n'));
        return text.toString().stripTrailing();
    }

    private static String region(ReplicationStatus.Region region) {
        return !region.reachable() ? "  UNREACHABLE"
                : region.epoch() == null ? "  (no epoch)" : "  epoch " + region.epoch() + ", writer " + region.writerRegion();
    }

    static String json(ReplicationStatus status) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("probedAt", status.probedAt().toString())
                .add("writer", region(Json.createObjectBuilder(), status.writer()))
                .add("standby", region(Json.createObjectBuilder(), status.standby()));
        nullable(json, "lagSeconds", status.lagSeconds());
        nullable(json, "lagBytes", status.lagBytes());
        if (status.slot() != null) {
            json.add("slot", Json.createObjectBuilder().add("name", status.slot().name())
                    .add("active", status.slot().active()).add("walStatus", String.valueOf(status.slot().walStatus())));
        }
        if (status.subscription() != null) {
            var subscription = status.subscription();
            json.add("subscription", Json.createObjectBuilder().add("name", subscription.name())
                    .add("enabled", subscription.enabled()).add("workerRunning", subscription.workerRunning())
                    .add("applyErrors", subscription.applyErrors()).add("syncErrors", subscription.syncErrors()));
        }
        nullable(json, "lastAppliedHeartbeat", status.lastAppliedHeartbeat() == null ? null
                : status.lastAppliedHeartbeat().toString());
        JsonArrayBuilder problems = Json.createArrayBuilder();
        status.problems().forEach(problems::add);
        return json.add("problems", problems).build().toString();
    }

    private static JsonObjectBuilder region(JsonObjectBuilder json, ReplicationStatus.Region region) {
        json.add("name", region.name()).add("reachable", region.reachable());
        nullable(json, "epoch", region.epoch());
        nullable(json, "writerRegion", region.writerRegion());
        return json;
    }

    private static void nullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Long number) {
            json.add(name, number);
        } else if (value instanceof Double number) {
            json.add(name, number);
        } else {
            json.add(name, value.toString());
        }
    }
}
