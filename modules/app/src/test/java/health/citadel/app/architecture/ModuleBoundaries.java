package health.citadel.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The dependency table of {@code docs/architecture.md} as ArchUnit rules (ArchitectureDocumentTest keeps the two
 * equal): a module uses another only through its {@code api} package, only where the table allows it, and modules
 * form no cycles. Within a module, the {@code api} stays a contract: it does not lean on the module's
 * {@code internal} or on Jakarta REST, and {@code internal} classes are public only where another package of
 * their module needs them.
 */
final class ModuleBoundaries {

    /** Which modules each module may use. Platform may be used by all; app (the WAR) by none. */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "platform", Set.of(),
            "audit", Set.of("platform"),
            "identity", Set.of("platform", "audit"),
            "records", Set.of("platform", "identity", "audit"),
            "dr", Set.of("platform", "audit", "identity"),
            "localstack", Set.of("platform", "dr"),
            "bench", Set.of("platform", "audit"),
            "app", Set.of("platform", "audit", "identity", "records", "dr"));

    /** Platform has no domain and no api package: its users may reach all of it. */
    private static final Set<String> OPEN_MODULES = Set.of("platform");

    /**
     * The api classes that name their own module's internals, and why they must. Each is a door the contract
     * opens on purpose; a new one belongs here with its reason, or its code belongs elsewhere.
     */
    static final Map<String, String> API_USING_INTERNAL = Map.of(
            "health.citadel.dr.api.RegionSetup", "the launcher's static entry point outside CDI: it runs the very "
                    + "statements the DR operations run, so a pair set up by the launcher is the pair they expect",
            "health.citadel.identity.api.Authorization", "an application that lists its classes (the portal) "
                    + "must register the permission check's provider class itself");

    /**
     * Public internal classes whose only use from another package of their module the bytecode does not show,
     * and where that use is.
     */
    static final Map<String, String> PUBLIC_FOR_AN_ERASED_USE = Map.of(
            "health.citadel.audit.internal.Checkpoint", "audit.cli holds the witnessed checkpoints as a "
                    + "List<Checkpoint>, a type argument the compiler erases");

    /**
     * Hibernate and Envers instantiate and proxy mapped classes by reflection from outside the package; they stay
     * public rather than rely on each provider's handling of package-private classes.
     */
    private static final DescribedPredicate<JavaClass> MAPPED_BY_HIBERNATE = DescribedPredicate.describe(
            "mapped by Hibernate", javaClass -> javaClass.isAnnotatedWith("jakarta.persistence.Entity")
                    || javaClass.isAnnotatedWith("jakarta.persistence.MappedSuperclass")
                    || javaClass.isAssignableTo("org.hibernate.envers.RevisionListener"));

    /** The application's JTA pool, whose connections must pass {@code ConnectionAdmission} first. */
    static final String APPLICATION_POOL = "jdbc/citadel";

    private ModuleBoundaries() {
    }

    private static DescribedPredicate<JavaField> lookedUpAs(String jndiName) {
        return DescribedPredicate.describe("looked up as " + jndiName, field -> field
                .tryGetAnnotationOfType("jakarta.annotation.Resource")
                .map(resource -> jndiName.equals(resource.get("lookup").orElse(null))).orElse(false));
    }

    private static DescribedPredicate<JavaClass> namedIn(Set<String> names) {
        return DescribedPredicate.describe("named in " + names, javaClass -> names.contains(javaClass.getName()));
    }

    /** A use of the class, or of a class nested in it, from another package of the same module. */
    private static ArchCondition<JavaClass> beNeededOutsideTheirPackageInTheirModule() {
        return new ArchCondition<>("be used from another package of their module") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String module = module(internal);
                boolean needed = usesOfItOrItsNested(internal).map(Dependency::getOriginClass)
                        .anyMatch(user -> !user.getPackageName().equals(internal.getPackageName())
                                && module.equals(module(user)));
                if (!needed) {
                    events.add(SimpleConditionEvent.violated(internal, internal.getName()
                            + " is public, but no other package of " + module + " uses it: make it package-private"));
                }
            }
        };
    }

    private static Stream<Dependency> usesOfItOrItsNested(JavaClass topLevel) {
        return topLevel.getPackage().getClasses().stream().filter(inPackage -> topLevelOf(inPackage).equals(topLevel))
                .flatMap(itOrNested -> itOrNested.getDirectDependenciesToSelf().stream());
    }

    private static JavaClass topLevelOf(JavaClass javaClass) {
        return javaClass.getEnclosingClass().map(ModuleBoundaries::topLevelOf).orElse(javaClass);
    }

    /** {@code records} of {@code health.citadel.records.internal.Patient}. */
    private static String module(JavaClass javaClass) {
        return javaClass.getPackageName().split("\\.")[2];
    }

    static ArchRule rules() {
        List<ArchRule> rules = new ArrayList<>();
        for (var module : MAY_USE.entrySet()) {
            for (String other : MAY_USE.keySet()) {
                if (other.equals(module.getKey())) {
                    continue;
                }
                // a cli package is a launcher's entry point: even an open module's is not for other modules
                String[] forbidden = module.getValue().contains(other)
                        ? OPEN_MODULES.contains(other) ? new String[] {"health.citadel." + other + ".cli.."}
                        : new String[] {"health.citadel." + other + ".internal..", "health.citadel." + other + ".web..",
                                "health.citadel." + other + ".cli.."}
                        : new String[] {"health.citadel." + other + ".."};
                rules.add(noClasses().that().resideInAPackage("health.citadel." + module.getKey() + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .as(module.getKey() + " must not use " + String.join(", ", forbidden))
                        // localstack and bench are not on this test's class path; the production test checks
                        // it saw classes
                        .allowEmptyShould(true));
            }
            rules.add(noClasses().that().resideInAPackage("health.citadel." + module.getKey() + ".api..")
                    .and(are(not(namedIn(API_USING_INTERNAL.keySet()))))
                    .should().dependOnClassesThat().resideInAPackage("health.citadel." + module.getKey() + ".internal..")
                    .as("the api of " + module.getKey() + " must not use its own internal")
                    .allowEmptyShould(true));
        }
        rules.add(noClasses().that().resideInAPackage("health.citadel.*.api..").should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .as("api packages must not use Jakarta REST types")
                .allowEmptyShould(true));
        rules.add(classes().that().resideInAPackage("health.citadel.*.internal..").and().areTopLevelClasses()
                .and().arePublic().and(are(not(MAPPED_BY_HIBERNATE)))
                .and(are(not(namedIn(PUBLIC_FOR_AN_ERASED_USE.keySet()))))
                .should(beNeededOutsideTheirPackageInTheirModule())
                .as("internal classes are public only where another package of their module needs them")
                .allowEmptyShould(true));
        // a module's internal may be split by concern (dr's and records' are): the parts build on what they share,
        // one way
        rules.add(noClasses().that().resideInAPackage("health.citadel.*.internal").should().dependOnClassesThat()
                .resideInAPackage("health.citadel.*.internal.*..")
                .as("what a module's internal packages share uses none of them")
                .allowEmptyShould(true));
        rules.add(slices().matching("health.citadel.*.internal.(*)..").should().beFreeOfCycles()
                .as("a module's internal packages are free of cycles").allowEmptyShould(true));
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
