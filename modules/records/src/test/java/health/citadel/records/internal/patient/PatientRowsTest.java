package health.citadel.records.internal.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every read of a patient (the register, a search, a version, the chart) answers with this view. */
class PatientRowsTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000a11c");
    private static final Instant REGISTERED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant RETIRED = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void theViewMasksTheNationalIdentifierAndShowsTheRowAsItIs() {
        Patient patient = new Patient(ID, REGISTERED);
        patient.restrict(true, REGISTERED);
        patient.retire(RETIRED);

        PatientView view = PatientRows.view(patient, DemographicsTest.withNationalId("AB-123456789"));

        assertEquals("****6789", view.demographics().nationalId());
        assertEquals(new PatientView(ID, 0, DemographicsTest.withNationalId("****6789"), true, true, REGISTERED,
                RETIRED), view);
    }
}
