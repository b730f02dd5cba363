package health.citadel.dr.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFactsTest {

    @Test
    void aReportReadsAsWordsAndAJournalsDetailToo() {
        ReportFacts report = ReportFacts.of(Json.createObjectBuilder().add("to", "b").add("epoch", 4)
                .add("steps", Json.createArrayBuilder().add(Json.createObjectBuilder().add("step", "fence a").add("millis", 2))
                        .add(Json.createObjectBuilder().add("step", "open b").add("millis", 3)))
                .add("detail", "{\"from\":\"a\",\"epoch\":4}").add("reason", "{not json").build());

        assertEquals(List.of(new ReportFacts.Fact("to", "b"), new ReportFacts.Fact("epoch", "4"),
                new ReportFacts.Fact("steps", "fence a 2; open b 3"), new ReportFacts.Fact("detail", "from a, epoch 4"),
                new ReportFacts.Fact("reason", "{not json")), report.facts());
        assertEquals("b", report.get("to"));
        assertEquals("", report.get("missing"));
    }
}
