package health.citadel.records.internal.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemographicsTest {

    static Demographics withNationalId(String nationalId) {
        return new Demographics("MRN-004211", "Okafor", List.of("Adaeze"), LocalDate.of(1984, 3, 12),
                Demographics.AdministrativeSex.FEMALE, null, null, null, nationalId, null, false);
    }

    @Test
    void aReadShowsTheLastFourCharactersOfALongIdentifier() {
        assertEquals("****6789", withNationalId("AB-123456789").masked().nationalId());
    }

    /** Four of four, or of six, characters would show the identifier wholly or nearly: none is shown. */
    @Test
    void aShortIdentifierIsMaskedWhole() {
        assertEquals("****", withNationalId("6789").masked().nationalId());
        assertEquals("****", withNationalId("AB6789").masked().nationalId());
        assertEquals("****5678", withNationalId("A-345678").masked().nationalId(), "eight characters show four");
    }

    @Test
    void maskingKeepsEverythingElseAndNoIdentifierStaysNone() {
        Demographics masked = withNationalId("AB-123456789").masked();
        assertEquals(withNationalId("AB-123456789").withNationalId(masked.nationalId()), masked);
        assertNull(withNationalId(null).masked().nationalId());
    }
}
