package health.citadel.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code bin/citadel up|down|status|restart|empty-cluster}: the local stack's command line. */
public final class CitadelCommand {

    static final int STOPPED = 3;
    private static final String USAGE = "usage: bin/citadel up [--with-monitoring]|down|status|restart|empty-cluster"
            + "|audit verify|dr ...|bench";

    private CitadelCommand() {
    }

    public static void main(String[] args) {
        // Flyway and the JDBC driver log through java.util.logging; the person at the terminal needs our lines only
        Logger.getLogger("").setLevel(Level.WARNING);
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        boolean withMonitoring = args.length == 2 && "up".equals(args[0]) && "--with-monitoring".equals(args[1]);
        if (args.length != 1 && !withMonitoring) {
            err.println(USAGE);
            return 2;
        }
        try {
            Path repository = Path.of(System.getProperty("citadel.root", ".")).toAbsolutePath().normalize();
            switch (args[0]) {
                case "up" -> {
                    LocalStack stack = new LocalStack(repository, environment);
                    if (withMonitoring) {
                        stack.upWithMonitoring(out);
                    } else {
                        stack.up(out);
                    }
                }
                case "down" -> new LocalStack(repository, environment).down(out);
                case "restart" -> new LocalStack(repository, environment).restartApplication(out);
                case "empty-cluster" -> new LocalStack(repository, environment).emptyCluster(out);
                case "status" -> {
                    return new LocalStack(repository, environment).status(out) ? 0 : STOPPED;
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (StackException e) {
            err.println("citadel: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("citadel: unexpected failure: " + e);
            return 1;
        }
    }
}
