package health.citadel.records.internal.chart;

import health.citadel.records.internal.patient.Demographics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up patients, the same for the same number every time: for the local stack's demo, the tests and the
 * benchmarks. Names are common words, identifiers are marked DEMO, and no value belongs to a real person.
 */
final class SyntheticPatients {

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

    /** A small chart for the patient: vital signs, a problem, an allergy, a medication, a visit and its note. */
    public static List<Record> chart(int number) {
        Random random = new Random(0xC4A27_0000L + number);
        Instant visit = Instant.parse("2026-01-05T09:00:00Z").plus(Duration.ofDays(random.nextInt(300)));
        return List.of(
                new EntryKind.Encounter(EntryKind.EncounterClass.AMBULATORY, visit, visit.plus(Duration.ofMinutes(30)),
                        "routine check-up", "Outpatient clinic"),
                new EntryKind.Observation("8867-4", "Heart rate", 55.0 + random.nextInt(40), "/min", visit),
                new EntryKind.Observation("8480-6", "Systolic blood pressure", 105.0 + random.nextInt(40), "mm[Hg]", visit),
                new EntryKind.Condition(pick(random, List.of("I10", "E11.9", "J45.909")), "Chronic condition",
                        EntryKind.ClinicalStatus.ACTIVE, LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1)),
                new EntryKind.AllergyIntolerance(pick(random, List.of("Penicillin", "Peanuts", "Latex")),
                        EntryKind.Criticality.HIGH, "hives"),
                new EntryKind.MedicationStatement(pick(random, List.of("Lisinopril 10 mg", "Metformin 500 mg")),
                        "once daily", EntryKind.MedicationStatus.ACTIVE, LocalDate.of(2024, 1, 1), null),
                new EntryKind.ClinicalNote(EntryKind.NoteType.PROGRESS, "Synthetic note: stable, review in three months."));
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
