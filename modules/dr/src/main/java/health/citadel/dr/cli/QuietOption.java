package health.citadel.dr.cli;

import health.citadel.platform.progress.Progress;
import health.citadel.platform.progress.StderrProgress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --quiet}, of the commands that show how far they are on standard error. */
final class QuietOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress on standard error.")
    private boolean quiet;

    /** The command's progress on standard error, or none when quiet. */
    Progress progress() {
        return quiet ? Progress.NONE : new StderrProgress(command.commandLine().getErr(),
                StderrProgress.standardErrorIsTerminal(), "dr " + command.name());
    }
}
