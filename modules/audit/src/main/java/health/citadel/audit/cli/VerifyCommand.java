package health.citadel.audit.cli;

import health.citadel.audit.api.ChainVerification;
import health.citadel.audit.internal.AuditKeys;
import health.citadel.audit.internal.ChainExpectations;
import health.citadel.audit.internal.ChainVerifier;
import health.citadel.audit.internal.Checkpoint;
import health.citadel.audit.internal.WitnessFile;
import health.citadel.platform.progress.Progress;
import health.citadel.platform.progress.StderrProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bin/citadel audit verify}: the whole chain, checked against the checkpoints a witness holds and a head the
 * auditor kept. It prints the head it verified, for the auditor to keep and pass to {@code --expect-head} later.
 */
@Command(name = "verify", description = {"Checks every link, seal and signed checkpoint of the audit chain, and that "
        + "the chain holds what the witness saw.", "Prints the verdict and the head to keep for --expect-head; the "
        + "events checked are shown on standard error as it goes."})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private AuditCommand audit;

    @Spec
    private CommandSpec spec;

    @Option(names = "--witness", paramLabel = "<file|folder|none>",
            description = "The witness file, or a folder of them (every instance's, and rotated ones); none to verify "
                    + "without. Default: the stack's witness file, or CITADEL_AUDIT_WITNESS.")
    private String witness;

    @Option(names = "--expect-head", paramLabel = "<head>",
            description = "A head (<position>:<hash>) kept from an earlier run: the chain must still hold it.")
    private String expectedHead;

    @Option(names = "--fresh-within", paramLabel = "<duration>",
            description = "Fail unless the witness holds a checkpoint this recent (ISO-8601, e.g. PT2M): use it while "
                    + "the application runs.")
    private Duration freshWithin;

    @Option(names = "--json", description = "Print the verdict as one JSON object.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress on standard error.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException, SQLException {
        AuditSettings settings = AuditSettings.from(audit.environment);
        AuditKeys keys = AuditKeys.forVerifying(settings.keyset());
        ChainExpectations expectations = expectations(settings.witness());
        ChainVerification result;
        try (Progress progress = quiet ? Progress.NONE : new StderrProgress(spec.commandLine().getErr(),
                StderrProgress.standardErrorIsTerminal(), "audit verify");
             Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            result = new ChainVerifier(keys).verify(connection, expectations, progress);
        }
        int witnessed = expectations.witnessed().size();
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? VerificationOutput.json(result, witnessed) : VerificationOutput.text(result, witnessed));
        out.flush();
        return result.ok() ? 0 : AuditCommand.BROKEN;
    }

    /** The witness named on the command line, else the configured one; {@code none} verifies without. */
    private ChainExpectations expectations(String configuredWitness) throws IOException {
        String file = witness == null ? configuredWitness : witness;
        List<Checkpoint> witnessed = file.isEmpty() || "none".equals(file) ? List.of() : WitnessFile.read(Path.of(file));
        Instant freshSince = freshWithin == null ? null : Instant.now().minus(freshWithin);
        return new ChainExpectations(witnessed, freshSince,
                expectedHead == null ? null : ChainExpectations.Head.parse(expectedHead));
    }
}
