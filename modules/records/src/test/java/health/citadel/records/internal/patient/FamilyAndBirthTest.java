package health.citadel.records.internal.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The family-name and birth-date index finds a patient however the name was typed, and nobody else. */
class FamilyAndBirthTest {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 12);

    @Test
    void caseSpacingAndCompatibleFormsDoNotMatter() {
        String stored = FamilyAndBirth.key("Van der Berg", BORN);
        assertEquals(stored, FamilyAndBirth.key("  VAN  DER\tBERG ", BORN));
        assertEquals(FamilyAndBirth.key("Ｏｋａｆｏｒ", BORN), FamilyAndBirth.key("okafor", BORN));
    }

    @Test
    void anotherNameOrBirthDateIsAnotherKey() {
        String stored = FamilyAndBirth.key("Okafor", BORN);
        assertNotEquals(stored, FamilyAndBirth.key("Okafo", BORN));
        assertNotEquals(stored, FamilyAndBirth.key("Okafor", BORN.plusDays(1)));
        assertNotEquals(stored, FamilyAndBirth.key("Oka for", BORN));
    }
}
