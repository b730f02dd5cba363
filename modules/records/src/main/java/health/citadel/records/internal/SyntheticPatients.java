package health.citadel.records.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up patients, the same for the same number every time: for the local stack's demo, the tests and the
 * benchmarks. Names are common words, identifiers are marked DEMO, and no value belongs to a real person.
 */
public final class SyntheticPatients {

    private static final List<String> FAMILY = List.of("Ash", "Birch", "Cedar", "Elm", "Fern", "Hazel", "Juniper",
            "Linden", "Maple", "Oak", "Rowan", "Sorrel", "Thorn", "Willow", "Yarrow");
    private static final List<String> GIVEN = List.of("Alex", "Blake", "Casey", "Drew", "Emery", "Finley", "Harper",
            "Jordan", "Kai", "Logan", "Morgan", "Quinn", "Riley", "Sage", "Taylor");
    private static final List<String> CITIES = List.of("Springfield", "Riverton", "Lakeside", "Fairview", "Hillcrest");
    private static final List<String> RELATIONS = List.of("spouse", "parent", "sibling", "child", "friend");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1930, 1, 1);

    private SyntheticPatients() {
    }

    public static Demographics patient(int number) {
        Random random = new Random(0x5EED_0000L + number);
        String family = pick(random, FAMILY);
        String given = pick(random, GIVEN);
        Demographics.AdministrativeSex sex = Demographics.AdministrativeSex.values()[random.nextInt(3)];
        LocalDate birth = EARLIEST_BIRTH.plusDays(random.nextInt(365 * 90));
        String phone = String.format(Locale.ROOT, "+1 555 01%02d", random.nextInt(100));
        return new Demographics(String.format(Locale.ROOT, "DEMO-%06d", number), family, List.of(given), birth, sex,
                new Demographics.Address(List.of((1 + random.nextInt(200)) + " " + pick(random, FAMILY) + " Road"),
                        pick(random, CITIES), String.format(Locale.ROOT, "%05d", random.nextInt(100_000)), "US"),
                phone, given.toLowerCase(Locale.ROOT) + "." + family.toLowerCase(Locale.ROOT) + number + "@example.org",
                String.format(Locale.ROOT, "DEMO-%09d", random.nextInt(1_000_000_000)),
                new Demographics.EmergencyContact(pick(random, GIVEN) + " " + family, pick(random, RELATIONS), phone),
                false);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
