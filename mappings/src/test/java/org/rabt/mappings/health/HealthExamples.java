package org.rabt.mappings.health;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The health examples and broken fixtures of the class path, and one mapper shared by every test
 * class of the JVM (its validator takes seconds to load the R4 definitions).
 */
public final class HealthExamples {

    public static final String PROSECUTOR = "referral-to-prosecutor.json";
    public static final String SCHOOL = "referral-to-school.json";
    public static final String LABOUR_INSPECTION = "referral-to-labour-inspection.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HealthExamples() {
    }

    private static final class Shared {
        static final FhirContext R4 = FhirContext.forR4();
        static final FhirBundleValidator VALIDATOR = new FhirBundleValidator(R4);
        static final FhirReferralMapper MAPPER = new FhirReferralMapper(R4, VALIDATOR);
    }

    public static FhirReferralMapper mapper() {
        return Shared.MAPPER;
    }

    public static FhirBundleValidator validator() {
        return Shared.VALIDATOR;
    }

    public static FhirContext r4() {
        return Shared.R4;
    }

    /** An example of {@code src/main/resources/health/examples}. */
    public static byte[] example(String name) {
        return resource("/health/examples/" + name);
    }

    /** A broken variant of {@code src/test/resources/health}. */
    public static byte[] fixture(String name) {
        return resource("/health/" + name);
    }

    /** An example as a JSON tree, to read the values a test expects independently of HAPI. */
    public static JsonNode exampleTree(String name) {
        return JSON.readTree(example(name));
    }

    /** An example changed by {@code edit}, for variants that a test states better inline than as a file. */
    public static byte[] edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) exampleTree(name);
        edit.accept(tree);
        return JSON.writeValueAsBytes(tree);
    }

    private static byte[] resource(String path) {
        try (InputStream in = HealthExamples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
