package org.rabt.mappings.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UrlType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;

class FhirBundleValidatorTest {

    private final FhirContext r4 = HealthExamples.r4();
    private final FhirBundleValidator validator = HealthExamples.validator();

    @ParameterizedTest
    @ValueSource(strings = {HealthExamples.PROSECUTOR, HealthExamples.SCHOOL, HealthExamples.LABOUR_INSPECTION})
    void acceptsTheExamplesThoughBaseR4KnowsNoneOfTheHubsCodeSystemsAndExtensions(String example) {
        Bundle bundle = parse(HealthExamples.example(example));

        assertThatCode(() -> validator.validate(bundle)).doesNotThrowAnyException();
    }

    @Test
    void warmUpValidatesItsBuiltInBundleWithoutError() {
        assertThatCode(validator::warmUp).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnR4CardinalityErrorNamingItsLocation() {
        // Task.status and Task.intent are 1..1
        Bundle bundle = messageWith(new Task().setDescription("Orientation vers le parquet"));

        MappingException e = catchThrowableOfType(MappingException.class, () -> validator.validate(bundle));

        assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
        assertThat(e.field()).startsWith("Bundle.entry[1].resource.ofType(Task)");
        assertThat(e.detail()).startsWith(e.field() + ": ").contains("minimum required = 1").contains("(and 1 more)");
    }

    @Test
    void rejectsABrokenR4Invariant() {
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        // per-1: a period cannot end before it starts
        task.getRestriction().getPeriod().setStartElement(new DateTimeType("2026-11-20"))
                .setEndElement(new DateTimeType("2026-11-18"));

        MappingException e = catchThrowableOfType(MappingException.class, () -> validator.validate(messageWith(task)));

        assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
        assertThat(e.field()).startsWith("Bundle.entry[1].resource.ofType(Task).restriction.period");
        assertThat(e.detail()).contains("per-1");
    }

    @Test
    void makesTheValidatorsResourceCommentReadable() {
        assertThat(FhirBundleValidator.readableLocation("Bundle.entry[1].resource/*Task/null*/.for"))
                .isEqualTo("Bundle.entry[1].resource.ofType(Task).for");
        assertThat(FhirBundleValidator.readableLocation("Bundle.meta.security[1]")).isEqualTo("Bundle.meta.security[1]");
    }

    @Nested
    class Timing {

        private static final int ROUNDS = 200;

        /** Prints the average time per bundle after warm-up; asserts only that every round passes. */
        @Test
        void validatesAndMapsAnExampleRepeatedlyWithoutError() {
            byte[] body = HealthExamples.example(HealthExamples.LABOUR_INSPECTION);
            Bundle bundle = parse(body);
            validator.warmUp();
            validator.validate(bundle);

            long start = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                validator.validate(bundle);
            }
            long validation = System.nanoTime() - start;

            FhirReferralMapper mapper = HealthExamples.mapper();
            start = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                assertThat(mapper.toCpm(body).header().messageId()).isNotNull();
            }
            long mapping = System.nanoTime() - start;

            System.out.printf("health validation: %.2f ms per bundle; parse + validate + map: %.2f ms per bundle"
                    + " (%d rounds, %s)%n", validation / 1e6 / ROUNDS, mapping / 1e6 / ROUNDS, ROUNDS,
                    HealthExamples.LABOUR_INSPECTION);
        }
    }

    private Bundle parse(byte[] json) {
        return r4.newJsonParser().parseResource(Bundle.class, new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Bundle messageWith(Task task) {
        MessageHeader header = new MessageHeader()
                .setEvent(new Coding(RabtFhir.CARD_TYPE, "linkage", null))
                .setSource(new MessageHeader.MessageSourceComponent(new UrlType("urn:rabt:sector:health")));
        header.addFocus().setReference("urn:uuid:7b0f3a52-9c1e-4d8a-b6f2-3e4d5c6b7a81");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        bundle.getIdentifier().setSystem(RabtFhir.RFC_3986).setValue("urn:uuid:1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
        bundle.setTimestampElement(new org.hl7.fhir.r4.model.InstantType("2026-11-20T10:00:00+01:00"));
        bundle.addEntry().setFullUrl("urn:uuid:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b").setResource(header);
        bundle.addEntry().setFullUrl("urn:uuid:7b0f3a52-9c1e-4d8a-b6f2-3e4d5c6b7a81").setResource(task);
        return bundle;
    }
}
