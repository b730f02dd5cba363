package health.citadel.dr.internal.operations;

import health.citadel.dr.api.DisasterRecovery;
import health.citadel.dr.api.FailoverReport;
import health.citadel.dr.api.FenceReport;
import health.citadel.dr.api.JournalEntry;
import health.citadel.dr.api.RegionsCompared;
import health.citadel.dr.api.RejoinReport;
import health.citadel.dr.api.SwitchoverReport;
import health.citadel.dr.internal.ApplicationLogins;
import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.health.ReplicationProbe;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.progress.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The DR operations as the DBA console runs them, through the same {@link Operations} as {@code bin/citadel dr}.
 * The settings are the command line's, read from MicroProfile Config: {@code citadel.dr.regions} and
 * {@code citadel.dr.region.<name>.url}, the DBA login {@code citadel.dr.user}/{@code .password}, the replication
 * login {@code citadel.dr.replicator.user}/{@code .password}, the application's logins, the heartbeat interval
 * and the journal. One operation runs at a time, here or anywhere else ({@link OperationLock}).
 */
@ApplicationScoped
class ConsoleOperations implements DisasterRecovery {

    private static final Logger LOG = Logger.getLogger(ConsoleOperations.class.getName());

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "citadel.dr.user")
    Optional<String> dbaUser;

    @Inject
    @ConfigProperty(name = "citadel.dr.password")
    Optional<String> dbaPassword;

    @Inject
    @ConfigProperty(name = "citadel.dr.replicator.user")
    Optional<String> replicatorUser;

    @Inject
    @ConfigProperty(name = "citadel.dr.replicator.password")
    Optional<String> replicatorPassword;

    @Inject
    ApplicationLogins applicationLogins;

    @Inject
    @ConfigProperty(name = "citadel.dr.heartbeat-interval", defaultValue = "PT1S")
    Duration heartbeatInterval;

    /** Relative to Liberty's working directory, the server's output directory; the local stack shares the CLI's. */
    @Inject
    @ConfigProperty(name = "citadel.dr.journal", defaultValue = "dr-journal.jsonl")
    String journal;

    @Override
    public List<String> regions() {
        List<String> names = config.getOptionalValues("citadel.dr.regions", String.class).orElse(List.of());
        return names.size() == 2 ? List.copyOf(names) : List.of();
    }

    @Override
    public SwitchoverReport switchover(String operator) {
        return run(Operations.Kind.SWITCHOVER, operations -> operations.switchover(operator));
    }

    @Override
    public FailoverReport failover(String operator, boolean acceptDataLoss) {
        access();
        if (!acceptDataLoss) {
            throw RequestRefused.badRequest("a failover promotes the standby without the writer, so commits the "
                    + "standby has not applied are lost: set acceptDataLoss to true if the writer is lost, or switch "
                    + "over while it still runs");
        }
        return run(Operations.Kind.FAILOVER, operations -> operations.failover(operator));
    }

    @Override
    public FenceReport fence(String operator, String region) {
        String known = known(region);
        return run(Operations.Kind.FENCE, operations -> operations.fence(operator, known));
    }

    @Override
    public RejoinReport rejoin(String operator, String region, boolean discardLostCommits) {
        String known = known(region);
        return run(Operations.Kind.REJOIN, operations -> operations.rejoin(operator, known, discardLostCommits));
    }

    @Override
    public RegionsCompared verify() {
        RegionAccess access = access();
        ReplicationProbe.RegionConnector connector = access::dba;
        try {
            return RegionComparison.compare(
                    new ReplicationProbe(access.names(), connector, access.application()).probe(), connector,
                    Progress.NONE);
        } catch (SQLException e) {
            if (OperationLock.HELD.equals(e.getSQLState())) {
                throw RequestRefused.conflict(e.getMessage());
            }
            throw new RequestRefused(Response.Status.SERVICE_UNAVAILABLE, "the regions cannot be compared: "
                    + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestRefused(Response.Status.SERVICE_UNAVAILABLE, "the comparison was interrupted");
        }
    }

    @Override
    public List<JournalEntry> journal(int newest) {
        Path journalFile = Path.of(journal);
        if (!Files.exists(journalFile)) {
            return List.of();
        }
        List<String> lines;
        try (Stream<String> all = Files.lines(journalFile, StandardCharsets.UTF_8)) {
            lines = all.filter(line -> !line.isBlank()).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new RequestRefused(Response.Status.SERVICE_UNAVAILABLE, "the journal cannot be read");
        }
        List<JournalEntry> records = new ArrayList<>();
        for (int at = lines.size() - 1; at >= 0 && records.size() < newest; at--) {
            try (JsonReader reader = Json.createReader(new StringReader(lines.get(at)))) {
                records.add(OperationLog.read(reader.readObject()));
            } catch (JsonException | IllegalStateException damaged) {
                throw new RequestRefused(Response.Status.SERVICE_UNAVAILABLE, "the journal holds a line that is "
                        + "not an operation's record");
            }
        }
        return records;
    }

    /** One of {@link Operations}' runs. */
    @FunctionalInterface
    private interface Call<R> {
        Operations.Outcome<R> on(Operations operations) throws IOException, InterruptedException;
    }

    private <R> R run(Operations.Kind kind, Call<R> call) {
        RegionAccess access = access();
        Path journalFile = Path.of(journal);
        try {
            Operations.Outcome<R> outcome = call.on(new Operations(access, heartbeatInterval, journalFile,
                    Progress.NONE));
            if (outcome.unrecorded() != null) {
                LOG.warning(() -> kind.command() + ": " + outcome.unrecorded());
            }
            if (!outcome.succeeded()) {
                throw RequestRefused.conflict("the " + kind.command() + " failed: " + outcome.reason());
            }
            return outcome.report();
        } catch (IOException e) {
            throw new RequestRefused(Response.Status.INTERNAL_SERVER_ERROR, "the " + kind.command() + " may have run, "
                    + "but the journal " + journalFile + " cannot be written; check GET /api/v1/dr/status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestRefused(Response.Status.SERVICE_UNAVAILABLE, "the " + kind.command()
                    + " was interrupted; check GET /api/v1/dr/status");
        }
    }

    private String known(String region) {
        if (!access().names().contains(region)) {
            throw RequestRefused.notFound("there is no such region");
        }
        return region;
    }

    /** Both regions and the logins DR operations use; refuses where they are not configured. */
    private RegionAccess access() {
        List<String> names = regions();
        if (names.isEmpty()) {
            throw RequestRefused.notFound("no standby region is configured");
        }
        if (dbaUser.isEmpty() || dbaPassword.isEmpty() || replicatorUser.isEmpty() || replicatorPassword.isEmpty()) {
            throw new RequestRefused(Response.Status.SERVICE_UNAVAILABLE, "DR operations are not configured here: "
                    + "they need citadel.dr.user, citadel.dr.password, citadel.dr.replicator.user and "
                    + "citadel.dr.replicator.password");
        }
        Map<String, String> urls = new LinkedHashMap<>();
        for (String name : names) {
            urls.put(name, config.getOptionalValue("citadel.dr.region." + name + ".url", String.class)
                    .orElseThrow(() -> new RequestRefused(Response.Status.SERVICE_UNAVAILABLE,
                            "DR operations are not configured here: a region has no citadel.dr.region.<name>.url")));
        }
        return new RegionAccess(names, urls, dbaUser.get(), dbaPassword.get(), replicatorUser.get(),
                replicatorPassword.get(), applicationLogins);
    }
}
