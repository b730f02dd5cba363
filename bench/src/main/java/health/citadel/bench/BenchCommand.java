package health.citadel.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code bin/citadel bench [--quick|--scale]}: the chart workload against the running local stack, under the production
 * WAR and the variants it is compared with; writes {@code bench/results/}. The stack is left on the production WAR.
 */
public final class BenchCommand {

    private static final String USAGE = "usage: bin/citadel bench [--quick|--scale]";

    private BenchCommand() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.size() > 1 || (arguments.size() == 1 && !List.of("--quick", "--scale").contains(arguments.get(0)))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        boolean quick = arguments.contains("--quick");
        Path repository = Path.of(System.getProperty("citadel.root", ".")).toAbsolutePath().normalize();
        Path home = Path.of(System.getenv().getOrDefault("CITADEL_HOME", repository.resolve(".citadel").toString()));
        try {
            LocalStack stack = new LocalStack(repository, home);
            if (arguments.contains("--scale")) {
                Instant started = Instant.now();
                Path summary = ScaleResults.write(ScaleRun.run(stack, System.out), started,
                        repository.resolve("bench/results"), "bin/citadel bench --scale");
                System.out.println();
                System.out.println("Results: " + summary + " (with its .json beside it)");
                return;
            }
            BenchPlan plan = quick ? BenchPlan.quick() : BenchPlan.full();
            BenchResults results = new Benchmark(stack, plan, System.out).run();
            Path summary = ResultFiles.write(results, repository.resolve("bench/results"),
                    "bin/citadel bench" + (quick ? " --quick" : ""));
            System.out.println();
            System.out.println("Results: " + summary + " (with its .json and -latency.png beside it)");
        } catch (BenchFailure e) {
            System.err.println("citadel bench: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("citadel bench: unexpected failure: " + e);
            System.exit(1);
        }
    }
}
