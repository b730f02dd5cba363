package health.citadel.dr.internal.operations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.citadel.dr.api.JournalEntry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationLogTest {

    @Test
    void aJournalLineReadsBackInTheOrderItWasWritten() {
        UUID id = UUID.randomUUID();
        JsonObject line = new OperationLog.Entry(id, "DR_FENCE", "dba-1", "a", true,
                Instant.parse("2026-12-06T03:10:27Z"), "{\"fenced\":\"a\"}").json();

        JournalEntry entry = OperationLog.read(line);

        assertEquals(new JournalEntry(id.toString(), "DR_FENCE", "dba-1", "a", "SUCCESS", "2026-12-06T03:10:27Z",
                "{\"fenced\":\"a\"}"), entry);
        String[] components = Arrays.stream(JournalEntry.class.getRecordComponents()).map(RecordComponent::getName)
                .toArray(String[]::new);
        assertArrayEquals(line.keySet().toArray(String[]::new), components);
        assertArrayEquals(components, JournalEntry.class.getAnnotation(JsonbPropertyOrder.class).value());
    }

    @Test
    void aFieldTheLineLacksOrHoldsAsOtherThanTextIsNull() {
        JournalEntry entry = OperationLog.read(Json.createObjectBuilder().add("action", "DR_FENCE").add("region", 2)
                .build());

        assertEquals(new JournalEntry(null, "DR_FENCE", null, null, null, null, null), entry);
    }
}
