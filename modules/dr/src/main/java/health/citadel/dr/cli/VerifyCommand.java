package health.citadel.dr.cli;

import health.citadel.dr.api.RegionsCompared;
import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.operations.OperationReports;
import health.citadel.dr.internal.operations.RegionComparison;
import health.citadel.platform.progress.Progress;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code bin/citadel dr verify}: every replicated table of both regions compared; exits 1 naming any that differ. */
@Command(name = "verify", description = "Compares every replicated table of the writer and the standby by row count "
        + "and checksum, once the standby has applied what the writer held when it began.")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private DrCommand dr;

    @Mixin
    private JsonOption format;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        DrSettings settings = dr.settings();
        ReplicationStatus status;
        RegionsCompared comparison;
        try (Progress progress = quiet.progress()) {
            progress.phase("probing regions " + String.join(" and ", settings.regions().names()));
            status = settings.probe().probe();
            comparison = RegionComparison.compare(status, settings.regions()::dba, progress);
        }
        List<RegionsCompared.Table> tables = comparison.tables();
        long different = tables.stream().filter(table -> !table.same()).count();
        dr.print(format.json ? OperationReports.json(comparison).toString() : tables.stream()
                .map(table -> String.format(Locale.ROOT, "%-8s %-40s %d rows in %s, %d in %s",
                        table.same() ? "same" : "DIFFERS", table.table(), table.writerRows(), status.writer().name(),
                        table.standbyRows(), status.standby().name()) + "\n")
                .collect(Collectors.joining()) + (different == 0
                ? "Both regions hold the same rows in all " + tables.size() + " tables."
                : different + " of " + tables.size() + " tables differ."));
        return different == 0 ? 0 : DrCommand.UNHEALTHY;
    }
}
