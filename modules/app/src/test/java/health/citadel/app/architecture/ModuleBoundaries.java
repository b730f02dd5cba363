package health.citadel.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency table of {@code docs/architecture.md} as ArchUnit rules (ArchitectureDocumentTest keeps the two
 * equal): a module uses another only through its {@code api} package, only where the table allows it, and modules
 * form no cycles.
 */
final class ModuleBoundaries {

    /** Which modules each module may use. Platform may be used by all; app (the WAR) by none. */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "platform", Set.of(),
            "audit", Set.of("platform"),
            "identity", Set.of("platform", "audit"),
            "records", Set.of("platform", "identity", "audit"),
            "dr", Set.of("platform", "audit"),
            "localstack", Set.of("platform", "dr"),
            "bench", Set.of("platform", "audit"),
            "app", Set.of("platform", "audit", "identity", "records", "dr"));

    /** Platform has no domain and no api package: its users may reach all of it. */
    private static final Set<String> OPEN_MODULES = Set.of("platform");

    /** The application's JTA pool, whose connections must pass {@code ConnectionAdmission} first. */
    static final String APPLICATION_POOL = "jdbc/citadel";

    private ModuleBoundaries() {
    }

    private static DescribedPredicate<JavaField> lookedUpAs(String jndiName) {
        return DescribedPredicate.describe("looked up as " + jndiName, field -> field
                .tryGetAnnotationOfType("jakarta.annotation.Resource")
                .map(resource -> jndiName.equals(resource.get("lookup").orElse(null))).orElse(false));
    }

    static ArchRule rules() {
        List<ArchRule> rules = new ArrayList<>();
        for (var module : MAY_USE.entrySet()) {
            for (String other : MAY_USE.keySet()) {
                if (other.equals(module.getKey())) {
                    continue;
                }
                String[] forbidden = module.getValue().contains(other)
                        ? OPEN_MODULES.contains(other) ? new String[0] : new String[] {
                                "health.citadel." + other + ".internal..", "health.citadel." + other + ".web.."}
                        : new String[] {"health.citadel." + other + ".."};
                if (forbidden.length > 0) {
                    rules.add(noClasses().that().resideInAPackage("health.citadel." + module.getKey() + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                            .as(module.getKey() + " must not use " + String.join(", ", forbidden))
                            // localstack and bench are not on this test's class path; the production test checks
                            // it saw classes
                            .allowEmptyShould(true));
                }
            }
        }
        rules.add(noFields().that(lookedUpAs(APPLICATION_POOL)).should().beDeclaredInClassesThat()
                .resideOutsideOfPackage("health.citadel.platform.jdbc")
                .as("only platform.jdbc.ApplicationDatabase looks up " + APPLICATION_POOL
                        + ": every other use takes connections that passed admission (the stale-epoch refusal)")
                .allowEmptyShould(true));
        rules.add(slices().matching("health.citadel.(*)..").should().beFreeOfCycles()
                .as("modules are free of cycles"));
        return CompositeArchRule.of(rules);
    }
}
