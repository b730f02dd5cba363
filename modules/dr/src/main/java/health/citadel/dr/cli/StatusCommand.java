package health.citadel.dr.cli;

import health.citadel.dr.api.ReplicationStatus;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code bin/citadel dr status}: replication health, as both regions' databases show it. */
@Command(name = "status", description = "Shows replication health as both regions' databases show it: the regions' "
        + "epochs, lag, the slot, the apply worker, the last heartbeat applied, and every problem.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    private DrCommand dr;

    @Mixin
    private JsonOption format;

    @Override
    public Integer call() throws IOException {
        ReplicationStatus status = dr.settings().probe().probe();
        dr.print(format.json ? StatusOutput.json(status) : StatusOutput.text(status));
        return status.problems().isEmpty() ? 0 : DrCommand.UNHEALTHY;
    }
}
