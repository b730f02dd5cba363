package health.citadel.audit.cli;

import health.citadel.platform.commandline.CommandLines;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code bin/citadel audit}: the audit log checked straight from the writer's database, for when the application is
 * down. Exits 0 when the chain holds, 1 when it is broken, 2 when it cannot be read or the command line is wrong.
 */
@Command(name = "bin/citadel audit", subcommands = VerifyCommand.class, scope = ScopeType.INHERIT,
        description = "Checks the audit log outside the application, with the public key only.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the chain holds", "1:the chain is broken", "2:it cannot be read, or the command line is wrong"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  CITADEL_HOME",
                "      the local stack's folder (default .citadel): its stack.json names the",
                "      writer's database, the public keyset and the witness file",
                "  CITADEL_AUDIT_JDBC_URL, CITADEL_AUDIT_DB_USER, CITADEL_AUDIT_DB_PASSWORD",
                "      outside the local stack, instead: the writer's database and a login that",
                "      reads the audit schema",
                "  CITADEL_AUDIT_PUBLIC_KEYSET",
                "      with them: the audit signing key's public keyset (Tink JSON)",
                "  CITADEL_AUDIT_WITNESS",
                "      with them: a copy of the witness file, or a folder of them (unset: none)"})
public final class AuditCommand {

    static final int BROKEN = 1;
    static final int UNUSABLE = 2;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    private boolean help;

    /** Where the subcommands find the database, keyset and witness. */
    final Map<String, String> environment;

    private AuditCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return CommandLines.of(new AuditCommand(environment), out, err, UNUSABLE, (failure, errors) -> {
            errors.println("citadel: " + (failure instanceof SQLException sql ? "cannot read the audit log (SQLState "
                    + sql.getSQLState() + "): " : "") + failure.getMessage());
            return UNUSABLE;
        }).execute(args);
    }
}
