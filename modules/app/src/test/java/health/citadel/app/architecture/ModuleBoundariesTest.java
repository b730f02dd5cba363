package health.citadel.app.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {

    @Test
    void productionCodeKeepsToTheDependencyTable() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("health.citadel");
        assertTrue(production.size() > 20, "the modules' classes were found: " + production.size());

        ModuleBoundaries.rules().check(production);
    }

    @Test
    void aModuleReachingIntoAnothersInternalsIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                health.citadel.identity.internal.PlantedTunnelIntoRecords.class,
                health.citadel.records.internal.PlantedChartStore.class);

        AssertionError violation = assertThrows(AssertionError.class, () -> ModuleBoundaries.rules().check(planted));
        assertTrue(violation.getMessage().contains("identity must not use health.citadel.records.."), violation.getMessage());
    }

    @Test
    void aCycleBetweenModulesIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                health.citadel.audit.api.PlantedAuditToDr.class, health.citadel.dr.api.PlantedDrToAudit.class);

        AssertionError violation = assertThrows(AssertionError.class, () -> ModuleBoundaries.rules().check(planted));
        assertTrue(violation.getMessage().contains("modules are free of cycles"), violation.getMessage());
    }

    @Test
    void aModuleTakingThePoolPastTheAdmissionChecksIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                health.citadel.records.internal.PlantedPoolBypass.class);

        AssertionError violation = assertThrows(AssertionError.class, () -> ModuleBoundaries.rules().check(planted));
        assertTrue(violation.getMessage().contains("only platform.jdbc.ApplicationDatabase looks up jdbc/citadel"),
                violation.getMessage());
    }

    @Test
    void anApiLeaningOnItsOwnInternalIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                health.citadel.records.api.PlantedApiOnInternal.class,
                health.citadel.records.internal.PlantedChartStore.class);

        AssertionError violation = assertThrows(AssertionError.class, () -> ModuleBoundaries.rules().check(planted));
        assertTrue(violation.getMessage().contains("PlantedApiOnInternal.store> has type <health.citadel.records"
                + ".internal.PlantedChartStore>"), violation.getMessage());
    }

    @Test
    void aModuleRunningAnothersCommandLineIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                health.citadel.records.internal.PlantedCliCall.class);

        AssertionError violation = assertThrows(AssertionError.class, () -> ModuleBoundaries.rules().check(planted));
        assertTrue(violation.getMessage().contains("PlantedCliCall.command> has type <health.citadel.audit.cli"
                + ".AuditCommand>"), violation.getMessage());
    }

    @Test
    void anApiAnsweringInJakartaRestTermsIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                health.citadel.records.api.PlantedApiOnJaxRs.class);

        AssertionError violation = assertThrows(AssertionError.class, () -> ModuleBoundaries.rules().check(planted));
        assertTrue(violation.getMessage().contains("api packages must not use Jakarta REST types"),
                violation.getMessage());
    }

    @Test
    void anInternalPublicWithoutNeedIsCaughtAndOneAnotherPackageNeedsIsNot() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                health.citadel.records.internal.PlantedNeedlesslyPublic.class,
                health.citadel.records.internal.PlantedChartStore.class,
                health.citadel.records.web.PlantedChartStoreUser.class);

        AssertionError violation = assertThrows(AssertionError.class, () -> ModuleBoundaries.rules().check(planted));
        assertTrue(violation.getMessage().contains("PlantedNeedlesslyPublic is public, but no other package of "
                + "records uses it"), violation.getMessage());
        assertFalse(violation.getMessage().contains("PlantedChartStore is public"), violation.getMessage());
    }

    @Test
    void aCycleBetweenAModulesInternalPackagesIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                health.citadel.dr.internal.health.PlantedHealthToOperations.class,
                health.citadel.dr.internal.operations.PlantedOperationsToHealth.class);

        AssertionError violation = assertThrows(AssertionError.class, () -> ModuleBoundaries.rules().check(planted));
        assertTrue(violation.getMessage().contains("a module's internal packages are free of cycles"),
                violation.getMessage());
    }

    @Test
    void sharedInternalsLeaningOnAPartBuiltOnThemAreCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                health.citadel.dr.internal.PlantedSharedOnOperations.class);

        AssertionError violation = assertThrows(AssertionError.class, () -> ModuleBoundaries.rules().check(planted));
        assertTrue(violation.getMessage().contains("PlantedSharedOnOperations.operations> has type "
                + "<health.citadel.dr.internal.operations.PlantedOperationsToHealth>"), violation.getMessage());
    }
}
