package health.citadel.dr.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackupRetentionTest {

    private static final BackupRetention DEFAULT = new BackupRetention(7, 4);

    @Test
    void fewerBackupsThanThePolicyKeepsAreAllKept() {
        List<Instant> taken = at("2026-12-05T01:15:00Z", "2026-12-06T01:15:00Z");
        assertEquals(List.of(), DEFAULT.toRemove(taken, taken.get(1), clock("2026-12-06T01:16:00Z")));
        assertEquals(List.of(), DEFAULT.toRemove(List.of(), Instant.parse("2026-12-06T01:15:00Z"),
                clock("2026-12-06T01:16:00Z")));
    }

    @Test
    void nothingIsRemovedWhenThePolicyCoversEveryBackup() {
        // one a day for a week: each is its day's newest
        List<Instant> taken = Stream.iterate(Instant.parse("2026-11-30T01:15:00Z"), day -> day.plusSeconds(86_400))
                .limit(7).toList();
        assertEquals(List.of(), DEFAULT.toRemove(taken, taken.get(6), clock("2026-12-06T02:00:00Z")));
    }

    @Test
    void ofSeveralOnADayOnlyTheNewestIsKept() {
        List<Instant> taken = at("2026-12-04T01:15:00Z", "2026-12-04T09:30:00Z", "2026-12-04T23:59:59Z",
                "2026-12-05T01:15:00Z");
        assertEquals(at("2026-12-04T01:15:00Z", "2026-12-04T09:30:00Z"),
                DEFAULT.toRemove(taken, taken.get(3), clock("2026-12-05T01:16:00Z")));
    }

    @Test
    void theOneJustWrittenIsKeptEvenWhereANewerOneIsOnItsDay() {
        List<Instant> taken = at("2026-12-06T01:15:00Z", "2026-12-06T01:45:00Z");
        assertEquals(List.of(), DEFAULT.toRemove(taken, taken.get(0), clock("2026-12-06T02:00:00Z")));
        assertEquals(List.of(), new BackupRetention(0, 0).toRemove(taken.subList(0, 1), taken.get(0),
                clock("2026-12-06T02:00:00Z")));
    }

    @Test
    void pastTheDailyWindowTheNewestOfEachIsoWeekIsKept() {
        // Sunday 2026-12-06; the last 2 days are Saturday and Sunday, the last 2 weeks start on Mondays 11-23 and 11-30
        BackupRetention policy = new BackupRetention(2, 2);
        List<Instant> taken = at("2026-11-22T01:15:00Z", // Sunday of an older week
                "2026-11-28T01:15:00Z", "2026-11-29T01:15:00Z", // last week: Sunday's is its newest
                "2026-11-30T01:15:00Z", "2026-12-03T01:15:00Z", // this week, before the daily window
                "2026-12-05T01:15:00Z", "2026-12-06T01:15:00Z");
        assertEquals(at("2026-11-22T01:15:00Z", "2026-11-28T01:15:00Z", "2026-11-30T01:15:00Z",
                "2026-12-03T01:15:00Z"), policy.toRemove(taken, taken.get(6), clock("2026-12-06T01:16:00Z")));
    }

    @Test
    void anIsoWeekAcrossNewYearIsOneWeek() {
        // Monday 2026-12-28 to Sunday 2027-01-03 is ISO week 53 of 2026
        BackupRetention policy = new BackupRetention(1, 2);
        List<Instant> taken = at("2026-12-27T01:15:00Z", // the week before, outside the last two
                "2026-12-28T01:15:00Z", "2026-12-31T01:15:00Z", "2027-01-02T01:15:00Z", // week 53: Saturday's is kept
                "2027-01-05T01:15:00Z");
        assertEquals(at("2026-12-27T01:15:00Z", "2026-12-28T01:15:00Z", "2026-12-31T01:15:00Z"),
                policy.toRemove(taken, taken.get(4), clock("2027-01-05T01:16:00Z")));
    }

    @Test
    void theDailyWindowCrossesTheYear() {
        List<Instant> taken = Stream.iterate(Instant.parse("2026-12-20T01:15:00Z"), day -> day.plusSeconds(86_400))
                .limit(16).toList();
        // today is Monday 2027-01-04: the days go back to 2026-12-29, the weeks to Monday 2026-12-14, whose newest is
        // Sunday 12-20; the week after keeps 12-27, the week across New Year 01-03
        List<Instant> removed = new BackupRetention(7, 4).toRemove(taken, taken.get(15), clock("2027-01-04T03:00:00Z"));
        assertEquals(at("2026-12-21T01:15:00Z", "2026-12-22T01:15:00Z", "2026-12-23T01:15:00Z",
                "2026-12-24T01:15:00Z", "2026-12-25T01:15:00Z", "2026-12-26T01:15:00Z", "2026-12-28T01:15:00Z"),
                removed);
    }

    @Test
    void aBackupTakenAfterNowIsKept() {
        List<Instant> taken = at("2026-12-07T01:15:00Z", "2026-12-06T01:15:00Z");
        assertEquals(List.of(), new BackupRetention(0, 0).toRemove(taken, taken.get(1), clock("2026-12-06T01:16:00Z")));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BackupRetention(-1, 4));
    }

    private static List<Instant> at(String... instants) {
        return Stream.of(instants).map(Instant::parse).toList();
    }

    private static Clock clock(String now) {
        return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    }
}
