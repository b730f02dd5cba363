package health.citadel.app.architecture;

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
}
