package health.citadel.localstack;

import health.citadel.platform.commandline.CommandLines;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code bin/citadel up|down|status|restart|empty-cluster}: the local stack's command line, and {@code bin/citadel}'s
 * help, which lists the commands {@code bin/citadel} runs from other class paths too (audit, dr, bench).
 */
@Command(name = "bin/citadel", scope = ScopeType.INHERIT,
        description = "Citadel's local stack on this machine (both PostgreSQL regions, Keycloak and Liberty, on "
                + "127.0.0.1), and the tools that run against it or a real deployment.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:it failed; one line on standard error says why",
                "2:the command line is wrong"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  CITADEL_HOME",
                "      the stack's data, logs, secrets and keys (default: <checkout>/.citadel)",
                "  CITADEL_PORT_BASE",
                "      the ports' base (9400): the regions +32 and +33, the empty cluster +34,",
                "      Liberty +43 and +44, Keycloak +80 and +81, monitoring +91 and +93",
                "  CITADEL_WAR, CITADEL_MIGRATIONS",
                "      another WAR to deploy; another folder of per-module migrations to apply",
                "  CITADEL_JVM_ARGS",
                "      extra JVM flags for Liberty and Keycloak",
                "  CITADEL_NO_BUILD",
                "      1: never build (else bin/citadel builds when sources are newer)",
                "  CITADEL_...",
                "      any other CITADEL_ variable: handed to the application as Liberty starts",
                "  PATH",
                "      where up --with-monitoring finds prometheus and prometheus-alertmanager",
                "  JAVA_HOME",
                "      the JDK bin/citadel runs (default: java on the PATH)"})
public final class CitadelCommand {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int STOPPED = 3;

    /** What bin/citadel runs from other class paths, each with a help of its own, as this help lists them. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "audit", "Checks the audit chain outside the application: bin/citadel audit verify --help",
            "dr", "Replication health and the DR operations: bin/citadel dr --help",
            "bench", "Benchmarks the running stack: bin/citadel bench --help");

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    private boolean help;

    private final Map<String, String> environment;
    private final PrintStream out;

    private CitadelCommand(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        // Flyway and the JDBC driver log through java.util.logging; the person at the terminal needs our lines only
        Logger.getLogger("").setLevel(Level.WARNING);
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine line = CommandLines.of(new CitadelCommand(environment, out), out, err, USAGE, (failure, errors) -> {
            errors.println("citadel: " + (failure instanceof StackException ? failure.getMessage()
                    : "unexpected failure: " + failure));
            return FAILED;
        });
        line.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CitadelCommand::commandList);
        return line.execute(args);
    }

    /** This launcher's commands and those bin/citadel runs from other class paths, in one table. */
    private static String commandList(CommandLine.Help help) {
        if (help.subcommands().isEmpty()) {
            return "";
        }
        Map<String, String> commands = new LinkedHashMap<>();
        help.subcommands().forEach((name, command) -> commands.put(name,
                String.join(" ", command.commandSpec().usageMessage().description())));
        ELSEWHERE.keySet().stream().sorted().forEach(name -> commands.put(name, ELSEWHERE.get(name)));
        return help.createTextTable(commands).toString();
    }

    private LocalStack stack() {
        Path repository = Path.of(System.getProperty("citadel.root", ".")).toAbsolutePath().normalize();
        return new LocalStack(repository, environment);
    }

    @Command(name = "up", description = "Starts what is not running yet, waits until every part is ready, and prints "
            + "the URLs (and, for the local demo realm, the demo logins). bin/citadel builds first if sources changed.")
    int up(@Option(names = "--with-monitoring", description = "Also start Prometheus and Alertmanager where installed.")
           boolean withMonitoring) {
        if (withMonitoring) {
            stack().upWithMonitoring(out);
        } else {
            stack().up(out);
        }
        return 0;
    }

    @Command(name = "down", description = "Stops exactly what up started; the data stays in $CITADEL_HOME.")
    int down() {
        stack().down(out);
        return 0;
    }

    @Command(name = "status", description = "Shows which parts run and where they answer; creates nothing.",
            exitCodeList = {"0:every part runs", "1:it failed; one line on standard error says why",
                    "2:the command line is wrong", "3:a part is stopped"})
    int status(@Option(names = "--json", description = "Print the status as one JSON object.") boolean json) {
        StackStatus status = stack().status();
        out.println(json ? status.json() : status.text());
        return status.running() ? 0 : STOPPED;
    }

    @Command(name = "restart", description = "Stops Liberty and brings the stack up again with the WAR as built now "
            + "(or CITADEL_WAR).")
    int restart() {
        stack().restartApplication(out);
        return 0;
    }

    @Command(name = "empty-cluster", description = "Starts an empty PostgreSQL cluster for a restore drill "
            + "(bin/citadel dr restore); down stops it.")
    int emptyCluster() {
        stack().emptyCluster(out);
        return 0;
    }
}
