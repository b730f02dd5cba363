package health.citadel.records.internal.patient;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What the family-name and birth-date blind index is computed over: the name as the desk may type it (any case,
 * full-width or composed forms, extra spaces) comes to one key, so a search finds the patient however it was
 * typed at registration.
 */
final class FamilyAndBirth {

    private FamilyAndBirth() {
    }

    static String key(String family, LocalDate birthDate) {
        String name = Normalizer.normalize(family, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return name + "|" + birthDate;
    }
}
