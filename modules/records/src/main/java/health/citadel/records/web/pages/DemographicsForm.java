package health.citadel.records.web.pages;

import health.citadel.records.internal.patient.Demographics;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.FormParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The demographics form of the front desk, field for field what the API's {@link Demographics} takes. It turns
 * into demographics only when every field is valid by the API's own constraints; otherwise it names each field
 * that is wrong, so the page shows the form again and nothing is written.
 */
public class DemographicsForm {

    /** The form's fields and their labels, in the order of the form; errors are named with these labels. */
    static final Map<String, String> LABELS = labels("mrn", "Medical record number", "familyName", "Family name",
            "givenNames", "Given names", "birthDate", "Date of birth", "sex", "Sex", "addressLines", "Street",
            "city", "Town or city", "postalCode", "Postal code", "country", "Country code", "phone", "Telephone",
            "email", "Email", "nationalId", "National id", "contactName", "Emergency contact",
            "contactRelationship", "Relationship", "contactPhone", "Contact's telephone", "reason", "Reason");

    /** Where a constraint of the nested records sits on the form. */
    private static final Map<String, String> NESTED = Map.of("address.lines", "addressLines", "address.city", "city",
            "address.postalCode", "postalCode", "address.country", "country", "emergencyContact.name", "contactName",
            "emergencyContact.relationship", "contactRelationship", "emergencyContact.phone", "contactPhone");

    @FormParam("mrn") String mrn;
    @FormParam("familyName") String familyName;
    @FormParam("givenNames") String givenNames;
    @FormParam("birthDate") String birthDate;
    @FormParam("sex") String sex;
    @FormParam("addressLines") String addressLines;
    @FormParam("city") String city;
    @FormParam("postalCode") String postalCode;
    @FormParam("country") String country;
    @FormParam("phone") String phone;
    @FormParam("email") String email;
    @FormParam("nationalId") String nationalId;
    @FormParam("contactName") String contactName;
    @FormParam("contactRelationship") String contactRelationship;
    @FormParam("contactPhone") String contactPhone;
    @FormParam("deceased") String deceased;
    @FormParam("restricted") String restricted;
    @FormParam("reason") String reason;

    /** What went wrong, by field, each message naming the field by its label. */
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** An empty form, for a new patient. */
    static DemographicsForm empty() {
        return new DemographicsForm();
    }

    /** The form filled from a patient as read (national id masked: it is shown as a hint, never sent back). */
    static DemographicsForm of(Demographics patient, boolean restricted) {
        DemographicsForm form = new DemographicsForm();
        form.mrn = patient.mrn();
        form.familyName = patient.familyName();
        form.givenNames = String.join(" ", patient.givenNames());
        form.birthDate = String.valueOf(patient.birthDate());
        form.sex = patient.sex().name();
        if (patient.address() != null) {
            form.addressLines = patient.address().lines() == null ? null : String.join("\n", patient.address().lines());
            form.city = patient.address().city();
            form.postalCode = patient.address().postalCode();
            form.country = patient.address().country();
        }
        form.phone = patient.phone();
        form.email = patient.email();
        if (patient.emergencyContact() != null) {
            form.contactName = patient.emergencyContact().name();
            form.contactRelationship = patient.emergencyContact().relationship();
            form.contactPhone = patient.emergencyContact().phone();
        }
        form.deceased = Boolean.toString(patient.deceased());
        form.restricted = Boolean.toString(restricted);
        return form;
    }

    /** The values to show in the form's inputs; absent ones as empty text. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        LABELS.keySet().forEach(field -> values.put(field, ""));
        put(values, "mrn", mrn);
        put(values, "familyName", familyName);
        put(values, "givenNames", givenNames);
        put(values, "birthDate", birthDate);
        put(values, "sex", sex);
        put(values, "addressLines", addressLines);
        put(values, "city", city);
        put(values, "postalCode", postalCode);
        put(values, "country", country);
        put(values, "phone", phone);
        put(values, "email", email);
        put(values, "nationalId", nationalId);
        put(values, "contactName", contactName);
        put(values, "contactRelationship", contactRelationship);
        put(values, "contactPhone", contactPhone);
        put(values, "reason", reason);
        values.put("deceased", checked(deceased));
        values.put("restricted", checked(restricted));
        return values;
    }

    Map<String, String> errors() {
        return errors;
    }

    boolean restricted() {
        return checked(restricted);
    }

    /** Adds an error for a field, e.g. one the register refused (an MRN another patient has). */
    void refuse(String field, String message) {
        errors.putIfAbsent(field, LABELS.get(field) + ": " + message);
    }

    /**
     * The demographics, validated as the API validates them, or null with {@link #errors()} naming each wrong
     * field.
     */
    Demographics demographics(Validator validator) {
        LocalDate born = null;
        if (blank(birthDate)) {
            refuse("birthDate", "is required");
        } else {
            try {
                born = LocalDate.parse(birthDate.strip());
            } catch (DateTimeParseException e) {
                refuse("birthDate", "must be a date, year-month-day");
            }
        }
        Demographics.AdministrativeSex administrativeSex = null;
        if (blank(sex)) {
            refuse("sex", "is required");
        } else {
            try {
                administrativeSex = Demographics.AdministrativeSex.valueOf(sex.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                refuse("sex", "must be one of " + Arrays.toString(Demographics.AdministrativeSex.values()));
            }
        }
        List<String> lines = blank(addressLines) ? null
                : addressLines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        Demographics.Address address = lines == null && blank(city) && blank(postalCode) && blank(country) ? null
                : new Demographics.Address(lines, text(city), text(postalCode), upper(country));
        Demographics.EmergencyContact contact = blank(contactName) && blank(contactRelationship) && blank(contactPhone)
                ? null : new Demographics.EmergencyContact(text(contactName), text(contactRelationship),
                text(contactPhone));
        Demographics demographics = new Demographics(upper(mrn), text(familyName),
                blank(givenNames) ? null : List.of(givenNames.strip().split("\\s+")), born, administrativeSex, address,
                text(phone), text(email), text(nationalId), contact, checked(deceased));
        for (ConstraintViolation<Demographics> violation : validator.validate(demographics)) {
            refuse(field(violation.getPropertyPath()), message(violation));
        }
        return errors.isEmpty() ? demographics : null;
    }

    /** The reason a change needs (5 to 1000 characters, as the API's), or null with the error named. */
    String reason() {
        String given = text(reason);
        if (given == null || given.length() < 5 || given.length() > 1000) {
            refuse("reason", "say why, in 5 to 1000 characters");
            return null;
        }
        return given;
    }

    private static String field(Path path) {
        String property = StreamSupport.stream(path.spliterator(), false).map(Path.Node::getName)
                .filter(name -> name != null && !name.startsWith("<")).collect(Collectors.joining("."));
        return NESTED.getOrDefault(property, property);
    }

    private static String message(ConstraintViolation<?> violation) {
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        return constraint == NotNull.class || constraint == NotBlank.class ? "is required" : violation.getMessage();
    }

    private static void put(Map<String, Object> values, String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    private static boolean checked(String box) {
        return "true".equals(box);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static String upper(String value) {
        return blank(value) ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }
}
