package health.citadel.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An unexpected exception is logged by its types and where it was thrown, never by its messages. */
class UnexpectedTest {

    @Test
    void theLogSaysWhereTheInnermostCauseWasThrownAndQuotesNoMessage() {
        IllegalStateException wrapped = new IllegalStateException("while reading Jane Doe's chart", failingRead());

        String where = ProblemMappers.Unexpected.whereThrown(wrapped);
        String causes = ProblemMappers.Unexpected.causes(wrapped);

        assertTrue(where.startsWith(UnexpectedTest.class.getName() + ".failingRead:"), where);
        assertEquals(12, where.split(" < ").length, where);
        assertEquals("java.lang.IllegalStateException < java.lang.IllegalArgumentException", causes);
        assertFalse((where + causes).contains("Jane"), "no message is logged");
    }

    private static IllegalArgumentException failingRead() {
        return new IllegalArgumentException("MRN-000003 is not Jane Doe's");
    }
}
