package health.citadel.bench;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Made-up patients for the benchmark, shaped like the demo's: every field filled, so each write encrypts a
 * realistic document. Their MRNs start with {@code BN} and the run's tag, so they are told apart from the demo.
 */
final class SyntheticPatient {

    private static final String[] FAMILIES = {"Okafor", "Lindqvist", "Moreau", "Tanaka", "Castillo", "Novak"};
    private static final String[] GIVEN = {"Amara", "Elias", "Sofia", "Kenji", "Lucia", "Tomas"};

    private final String runTag;
    private final AtomicLong next = new AtomicLong();

    SyntheticPatient(String runTag) {
        this.runTag = runTag;
    }

    /** A fresh MRN of this run. */
    String mrn() {
        return "BN" + runTag + "-" + next.incrementAndGet();
    }

    static String registration(String mrn) {
        return "{\"demographics\":" + demographics(mrn, "Springfield") + ",\"restricted\":false}";
    }

    /** A change of address, with the reason every change needs. */
    static String change(String mrn, String city) {
        return "{\"demographics\":" + demographics(mrn, city) + ",\"restricted\":false,\"reason\":\"moved house\"}";
    }

    private static String demographics(String mrn, String city) {
        int n = Math.floorMod(mrn.hashCode(), FAMILIES.length * GIVEN.length);
        String family = FAMILIES[n % FAMILIES.length];
        String given = GIVEN[n / FAMILIES.length];
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(Math.floorMod(mrn.hashCode(), 30_000));
        return "{\"mrn\":\"" + mrn + "\",\"familyName\":\"" + family + "\",\"givenNames\":[\"" + given + "\"],"
                + "\"birthDate\":\"" + birth + "\",\"sex\":\"" + (n % 2 == 0 ? "FEMALE" : "MALE") + "\","
                + "\"address\":{\"lines\":[\"" + (n + 1) + " Harbour Road\"],\"city\":\"" + city + "\","
                + "\"postalCode\":\"" + (10000 + n) + "\",\"country\":\"US\"},\"phone\":\"+1 555 0" + (100 + n) + "\","
                + "\"email\":\"" + given.toLowerCase(Locale.ROOT) + "." + n + "@example.org\","
                + "\"nationalId\":\"NID-" + mrn + "\","
                + "\"emergencyContact\":{\"name\":\"Kin of " + family + "\",\"relationship\":\"sibling\"},"
                + "\"deceased\":false}";
    }

    /** A chart's worth of entries: path segment and body, as a clinician records them. */
    static final String[][] CHART = {
        {"encounters", "{\"content\":{\"encounterClass\":\"AMBULATORY\",\"start\":\"2026-03-01T09:00:00Z\","
                + "\"reason\":\"annual review\",\"location\":\"Clinic 2\"}}"},
        {"observations", "{\"content\":{\"code\":\"8867-4\",\"display\":\"Heart rate\",\"value\":72,\"unit\":\"/min\","
                + "\"effectiveAt\":\"2026-03-01T09:10:00Z\"}}"},
        {"observations", "{\"content\":{\"code\":\"8480-6\",\"display\":\"Systolic blood pressure\",\"value\":128,"
                + "\"unit\":\"mm[Hg]\",\"effectiveAt\":\"2026-03-01T09:10:00Z\"}}"},
        {"conditions", "{\"content\":{\"code\":\"I10\",\"display\":\"Essential hypertension\","
                + "\"clinicalStatus\":\"ACTIVE\",\"onset\":\"2021-06-01\"}}"},
        {"allergies", "{\"content\":{\"substance\":\"Penicillin\",\"criticality\":\"HIGH\",\"reaction\":\"hives\"}}"},
        {"medications", "{\"content\":{\"medication\":\"Amlodipine 5 mg\",\"dosage\":\"once daily\","
                + "\"status\":\"ACTIVE\",\"start\":\"2021-06-15\"}}"},
        {"notes", "{\"content\":{\"type\":\"PROGRESS\",\"text\":\"Blood pressure controlled on amlodipine. "
                + "No side effects reported. Review in twelve months.\"}}"},
    };
}
