package health.citadel.dr.internal.backup;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which backups a folder keeps: the newest of each of the last {@code daily} days and of each of the last
 * {@code weekly} ISO weeks (Monday to Sunday), today and this week included, in UTC as the files are named.
 * The backup just written and any taken after now (a clock set back) are always kept.
 */
public record BackupRetention(int daily, int weekly) {

    public BackupRetention {
        if (daily < 0 || weekly < 0) {
            throw new IllegalArgumentException("a retention keeps 0 or more backups, not " + daily + " daily and "
                    + weekly + " weekly");
        }
    }

    /** The backups, by when each was taken, that the policy no longer keeps, oldest first. */
    public List<Instant> toRemove(Collection<Instant> taken, Instant justWritten, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<Instant> kept = new HashSet<>();
        kept.add(justWritten);
        kept.addAll(newestOfEach(taken, day -> day, today.minusDays(daily - 1L), today));
        LocalDate thisWeek = mondayOf(today);
        kept.addAll(newestOfEach(taken, BackupRetention::mondayOf, thisWeek.minusWeeks(weekly - 1L), thisWeek));
        return taken.stream().filter(backup -> !kept.contains(backup) && !backup.isAfter(clock.instant()))
                .sorted().toList();
    }

    /** The newest backup of each period (a day, or a week by its Monday) from {@code first} to {@code last}. */
    private static Collection<Instant> newestOfEach(Collection<Instant> taken, Function<LocalDate, LocalDate> period,
                                                    LocalDate first, LocalDate last) {
        Map<LocalDate, Instant> newest = new TreeMap<>();
        for (Instant backup : taken) {
            LocalDate key = period.apply(LocalDate.ofInstant(backup, ZoneOffset.UTC));
            if (!key.isBefore(first) && !key.isAfter(last)) {
                newest.merge(key, backup, (one, other) -> one.isAfter(other) ? one : other);
            }
        }
        return newest.values();
    }

    /** The Monday that starts the ISO week of {@code day}; a week across New Year is one week. */
    private static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
