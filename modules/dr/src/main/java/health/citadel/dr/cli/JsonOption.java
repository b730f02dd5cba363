package health.citadel.dr.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the report as JSON, for scripts, instead of text. */
final class JsonOption {

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;
}
