package health.citadel.platform.commandline;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.ToIntBiFunction;
import picocli.CommandLine;

/**
 * How every command line of Citadel's answers: its help on standard output; a wrong command line (an unknown option,
 * a missing argument) named on standard error with the usage; a failure as the command's own one line. Outside the
 * WAR only: picocli is on the launcher's class path, not in the WAR.
 */
public final class CommandLines {

    private CommandLines() {
    }

    /**
     * @param usageError the exit code of a wrong command line
     * @param failure    writes why the command failed on standard error, and returns the exit code
     */
    public static CommandLine of(Object command, PrintStream out, PrintStream err, int usageError,
                                 ToIntBiFunction<Exception, PrintWriter> failure) {
        PrintWriter errors = new PrintWriter(err, true);
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(errors)
                .setParameterExceptionHandler((wrong, arguments) -> {
                    errors.println(wrong.getMessage());
                    wrong.getCommandLine().usage(errors);
                    return usageError;
                })
                .setExecutionExceptionHandler((thrown, line, parsed) -> failure.applyAsInt(thrown, errors));
    }
}
