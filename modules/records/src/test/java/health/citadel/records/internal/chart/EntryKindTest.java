package health.citadel.records.internal.chart;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.citadel.platform.problem.RequestRefused;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind's content is checked as adding or changing an entry checks it: read strictly into its kind's shape,
 * then held to that shape's constraints, every broken one named by its field.
 */
class EntryKindTest {

    private static final String PDF = Base64.getEncoder()
            .encodeToString("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));

    /** Content each kind takes. */
    private static final Map<EntryKind, String> VALID = Map.of(
            EntryKind.ENCOUNTER, "{'encounterClass':'EMERGENCY','start':'2026-01-05T09:00:00Z','reason':'Chest pain',"
                    + "'location':'Emergency department, bay 4'}",
            EntryKind.OBSERVATION, "{'code':'8867-4','display':'Heart rate','value':72,'unit':'/min',"
                    + "'effectiveAt':'2026-01-05T09:00:00Z'}",
            EntryKind.CONDITION, "{'code':'E11.9','display':'Type 2 diabetes mellitus','clinicalStatus':'ACTIVE',"
                    + "'onset':'2015-03-01'}",
            EntryKind.ALLERGY, "{'substance':'Penicillin','criticality':'HIGH','reaction':'Hives'}",
            EntryKind.MEDICATION, "{'medication':'Metformin 500 mg tablets','dosage':'1 tablet twice daily',"
                    + "'status':'ACTIVE','start':'2024-01-01'}",
            EntryKind.NOTE, "{'type':'PROGRESS','text':'Stable, review in three months.'}",
            EntryKind.DOCUMENT, "{'title':'Discharge letter','contentType':'application/pdf','data':'" + PDF + "'}");

    private static ValidatorFactory validation;
    private static final ClinicalChart CHART = new ClinicalChart();

    @BeforeAll
    static void validator() {
        // Liberty's Hibernate Validator, without the EL its default message interpolation needs
        validation = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        CHART.validator = validation.getValidator();
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void everyKindHasAnExample() {
        assertEquals(EnumSet.allOf(EntryKind.class), EnumSet.copyOf(VALID.keySet()));
    }

    @ParameterizedTest
    @EnumSource(EntryKind.class)
    void eachKindTakesContentOfItsShape(EntryKind kind) {
        assertDoesNotThrow(() -> CHART.check(kind, json(VALID.get(kind))));
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of(EntryKind.ENCOUNTER, "{'start':'2026-01-05T09:00:00Z'}", "encounterClass"),
                Arguments.of(EntryKind.ENCOUNTER, "{'encounterClass':'VIRTUAL','start':'2026-01-05T09:00:00Z',"
                        + "'reason':'" + "x".repeat(201) + "'}", "reason"),
                Arguments.of(EntryKind.OBSERVATION, "{'code':'8867 4','display':'Heart rate','value':72,'unit':'/min',"
                        + "'effectiveAt':'2026-01-05T09:00:00Z'}", "code"),
                Arguments.of(EntryKind.OBSERVATION, "{'code':'8867-4','display':'Heart rate','value':72,'unit':'/min',"
                        + "'effectiveAt':'2999-01-01T00:00:00Z'}", "effectiveAt"),
                Arguments.of(EntryKind.OBSERVATION, "{'code':'8867-4','display':' ','value':72,'unit':'/min',"
                        + "'effectiveAt':'2026-01-05T09:00:00Z'}", "display"),
                Arguments.of(EntryKind.CONDITION, "{'code':'E11.9','display':'Diabetes','clinicalStatus':'ACTIVE',"
                        + "'onset':'2999-01-01'}", "onset"),
                Arguments.of(EntryKind.CONDITION, "{'code':'E11.9','display':'Diabetes'}", "clinicalStatus"),
                Arguments.of(EntryKind.ALLERGY, "{'substance':'','criticality':'LOW'}", "substance"),
                Arguments.of(EntryKind.ALLERGY, "{'substance':'Latex'}", "criticality"),
                Arguments.of(EntryKind.MEDICATION, "{'medication':'Lisinopril 10 mg'}", "status"),
                Arguments.of(EntryKind.NOTE, "{'type':'NURSING','text':' '}", "text"),
                Arguments.of(EntryKind.NOTE, "{'text':'Stable.'}", "type"),
                Arguments.of(EntryKind.DOCUMENT, "{'title':'Photo','contentType':'image/gif','data':'" + PDF + "'}",
                        "contentType"),
                Arguments.of(EntryKind.DOCUMENT, "{'title':'Photo','contentType':'image/png'}", "data"));
    }

    @ParameterizedTest
    @MethodSource("brokenRules")
    void contentThatBreaksARuleIsRefusedNamingItsField(EntryKind kind, String content, String field) {
        assertEquals(Set.of(field), fieldsRefused(kind, content));
    }

    /** A form shows all its errors at once. */
    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        assertEquals(Set.of("code", "display", "value", "unit", "effectiveAt"),
                fieldsRefused(EntryKind.OBSERVATION, "{'code':'?'}"));
    }

    @ParameterizedTest
    @EnumSource(EntryKind.class)
    void aFieldTheKindDoesNotTakeIsRefusedWithoutEchoingIt(EntryKind kind) {
        String content = VALID.get(kind).replaceFirst("\\{", "{'ssn':'123-45-6789',");

        RequestRefused refused = assertThrows(RequestRefused.class, () -> CHART.check(kind, json(content)));
        assertEquals(Response.Status.BAD_REQUEST, refused.status());
        assertEquals("content has a field a " + kind.resourceType() + " does not take, or a value of the wrong type",
                refused.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        String content = VALID.get(EntryKind.OBSERVATION).replace("'value':72", "'value':'seventy-two'");

        assertEquals(Response.Status.BAD_REQUEST, assertThrows(RequestRefused.class,
                () -> CHART.check(EntryKind.OBSERVATION, json(content))).status());
    }

    @Test
    void aDocumentsBytesMustBeOfItsType() {
        String content = VALID.get(EntryKind.DOCUMENT).replace("application/pdf", "image/png");

        RequestRefused refused = assertThrows(RequestRefused.class,
                () -> CHART.check(EntryKind.DOCUMENT, json(content)));
        assertEquals("the document's bytes are not a image/png", refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(EntryKind.class)
    void aKindIsFoundByItsPath(EntryKind kind) {
        assertEquals(Optional.of(kind), EntryKind.fromPath(kind.path()));
        assertEquals(Optional.empty(), EntryKind.fromPath(kind.name()));
    }

    private static Set<String> fieldsRefused(EntryKind kind, String content) {
        ConstraintViolationException refused = assertThrows(ConstraintViolationException.class,
                () -> CHART.check(kind, json(content)));
        return refused.getConstraintViolations().stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString).collect(Collectors.toSet());
    }

    /** JSON written with single quotes, for readability. */
    private static JsonObject json(String singleQuoted) {
        return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
    }
}
