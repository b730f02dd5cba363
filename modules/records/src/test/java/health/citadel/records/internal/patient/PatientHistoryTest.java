package health.citadel.records.internal.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A diff compares the patient document field by field, by the path the API names the field with. */
class PatientHistoryTest {

    @Test
    void nestedFieldsAndListItemsAreNamedByTheirPath() {
        Map<String, String> fields = new TreeMap<>();
        PatientHistory.flatten("", Json.createReader(new StringReader("""
                {"mrn":"MRN-1","givenNames":["Ada","Eze"],"address":{"lines":["1 Main St"],"city":"Leeds"},
                 "deceased":false,"email":null,"emergencyContact":{"name":"Chidi","phone":"+44 1"}}""")).readObject(),
                fields);
        assertEquals(Map.of("mrn", "MRN-1", "givenNames[0]", "Ada", "givenNames[1]", "Eze",
                "address.lines[0]", "1 Main St", "address.city", "Leeds", "deceased", "false",
                "emergencyContact.name", "Chidi", "emergencyContact.phone", "+44 1"), fields);
    }
}
