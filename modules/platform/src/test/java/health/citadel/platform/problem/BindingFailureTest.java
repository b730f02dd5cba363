package health.citadel.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The binder's messages, as Yasson 3 writes them, give the field's path and nothing of the submitted value. */
class BindingFailureTest {

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPathWithoutTheValue() {
        assertEquals("demographics.birthDate: not a valid value for this field (check its type and format)",
                BindingFailure.detail("Unable to deserialize property 'demographics' because of: Unable to deserialize "
                        + "property 'birthDate' because of: Error parsing class java.time.LocalDate from value: 1961-13-45."));
    }

    @Test
    void anUnknownFieldIsPlacedByItsParentWithoutQuotingItsName() {
        assertEquals("demographics: has a field this request does not take", BindingFailure.detail(
                "Unable to deserialize property 'demographics' because of: Json property Smith can not be mapped to a class"));
        assertEquals("the body: has a field this request does not take",
                BindingFailure.detail("Json property <img/src=x> can not be mapped to a class"));
    }

    @Test
    void aMessageNamingNoPropertyGetsTheGeneralAnswer() {
        assertEquals(BindingFailure.GENERAL, BindingFailure.detail("Internal error: No enum constant Sex.female"));
        assertEquals(BindingFailure.GENERAL, BindingFailure.detail(null));
    }
}
