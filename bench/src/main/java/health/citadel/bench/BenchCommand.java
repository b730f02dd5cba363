package health.citadel.bench;

import health.citadel.platform.commandline.CommandLines;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/citadel bench [--quick|--scale] [--json]}: the chart workload against the running local stack, under
 * the production WAR and the variants it is compared with, or before and after a load to hospital scale; writes
 * {@code bench/results/}. The stack is left on the production WAR.
 */
@Command(name = "bin/citadel bench",
        description = {"Measures the running local stack: the chart workload under the production WAR and the variants "
                + "it is compared with, replication lag, switchovers and (full run) the stack's start.",
                "Writes bench/results/<time>.json, .md and plots, and leaves Liberty on the production WAR. It restarts "
                + "Liberty several times: use a stack with no real data."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:it failed; one line on standard error names the operation",
                "2:the command line is wrong"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  CITADEL_HOME",
                "      the stack to measure, as its stack.json describes it (default: .citadel",
                "      in the checkout)",
                "  CITADEL_JVM_ARGS",
                "      Liberty's JVM flags as it restarts; the results record them (unset: none)",
                "  The commands it runs (bin/citadel down, up, restart, dr switchover) read",
                "  theirs: see bin/citadel --help and bin/citadel dr --help."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--quick", description = "Production only, shorter phases, no variants and no timed start: a "
            + "few minutes instead of about 20.")
    private boolean quick;

    @Option(names = "--scale", description = "Instead: the workload on the register as it is, then the register "
            + "brought to 100,000 patients and the audit log to a million events by the application, then the workload "
            + "again, and how long audit verify and dr verify take at that size. It keeps the data: use a stack of "
            + "its own.")
    private boolean scale;

    @Option(names = "--json", description = "Print the results' JSON (as the .json file holds it) on standard output; "
            + "the run's lines go to standard error.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    private BenchCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return CommandLines.of(new BenchCommand(environment, out, err), out, err, 2, (failure, errors) -> {
            errors.println("citadel bench: " + (failure instanceof BenchFailure ? failure.getMessage()
                    : "unexpected failure: " + failure));
            return 1;
        }).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Path repository = Path.of(System.getProperty("citadel.root", ".")).toAbsolutePath().normalize();
        Path home = Path.of(environment.getOrDefault("CITADEL_HOME", repository.resolve(".citadel").toString()));
        if (quick && scale) {
            throw new ParameterException(spec.commandLine(), "--quick and --scale are two different runs: give one");
        }
        LocalStack stack = new LocalStack(repository, home);
        // with --json, standard output holds the results' JSON alone
        PrintStream lines = json ? err : out;
        if (scale) {
            Instant started = Instant.now();
            ScaleRun.Result result = ScaleRun.run(stack, lines);
            Path summary = ScaleResults.write(result, started, repository.resolve("bench/results"),
                    "bin/citadel bench --scale");
            lines.println();
            lines.println("Results: " + summary + " (with its .json beside it)");
            if (json) {
                out.println(ScaleResults.json(result, started, "bin/citadel bench --scale"));
            }
            return 0;
        }
        String command = "bin/citadel bench" + (quick ? " --quick" : "");
        BenchResults results = new Benchmark(stack, quick ? BenchPlan.quick() : BenchPlan.full(), lines).run();
        Path summary = ResultFiles.write(results, repository.resolve("bench/results"), command);
        lines.println();
        lines.println("Results: " + summary + " (with its .json and -latency.png beside it)");
        if (json) {
            out.println(ResultFiles.json(results, command));
        }
        return 0;
    }
}
