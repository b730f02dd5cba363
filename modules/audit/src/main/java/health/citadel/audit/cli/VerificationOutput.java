package health.citadel.audit.cli;

import health.citadel.audit.api.ChainVerification;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Locale;

/** {@code bin/citadel audit verify}'s verdict, as text for the auditor or JSON for a script. */
final class VerificationOutput {

    private VerificationOutput() {
    }

    static String text(ChainVerification result, int witnessedCheckpoints) {
        String head = result.headPosition() + ":" + result.headHash();
        String verdict = result.ok() ? "The audit chain holds."
                : "The audit chain is BROKEN" + (result.firstBrokenPosition() == null ? ""
                : " at position " + result.firstBrokenPosition()) + ": " + result.problem() + ".";
        return String.format(Locale.ROOT, """
                %s
                Events checked:         %d
                Witnessed checkpoints:  %d
                %s""", verdict, result.eventsChecked(), witnessedCheckpoints, result.ok()
                ? "Head:                   " + head + "   (keep it for --expect-head)"
                : "Verified up to:         " + head);
    }

    /** One object: {@code ok, eventsChecked, firstBrokenPosition, problem, witnessedCheckpoints, head}. */
    static String json(ChainVerification result, int witnessedCheckpoints) {
        return Json.createObjectBuilder()
                .add("ok", result.ok())
                .add("eventsChecked", result.eventsChecked())
                .add("firstBrokenPosition", result.firstBrokenPosition() == null ? JsonValue.NULL
                        : Json.createValue(result.firstBrokenPosition()))
                .add("problem", result.problem() == null ? "" : result.problem())
                .add("witnessedCheckpoints", witnessedCheckpoints)
                .add("head", result.headPosition() + ":" + result.headHash())
                .build().toString();
    }
}
