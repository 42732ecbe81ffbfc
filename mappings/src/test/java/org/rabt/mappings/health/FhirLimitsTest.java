package org.rabt.mappings.health;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.json.JsonLimits;

/**
 * Health's FHIR JSON is held to the hub's JSON limits and to {@link StrictFhirJson#MAX_BUNDLE_ENTRIES}
 * before HAPI's parser (which has looser defaults of its own) builds anything.
 */
class FhirLimitsTest {

    private final HealthFormat format = new HealthFormat(HealthExamples.r4());

    static MappingException refusal(Runnable read) {
        return catchThrowableOfType(MappingException.class, read::run);
    }

    static String bundleWithEntries(int entries) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"message\",\"entry\":[");
        for (int i = 0; i < entries; i++) {
            json.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:").append(i).append("\"}");
        }
        return json.append("]}").toString();
    }

    @Test
    void aTenThousandDeepBundleIsRabtM008() {
        String deep = "{\"resourceType\":\"Bundle\",\"meta\":" + "{\"extension\":[".repeat(5_000)
                + "]}".repeat(5_000) + "}";

        MappingException e = refusal(() -> format.toCpm(deep.getBytes(UTF_8)));

        assertThat(e.error()).isEqualTo(MappingError.LIMIT_EXCEEDED);
        assertThat(e.detail()).contains("nesting depth");
    }

    @Test
    void aTenThousandDeepTaskStatusReportIsRabtM008() {
        String deep = "{\"resourceType\":\"Task\",\"input\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        assertThat(refusal(() -> format.readStatus(deep.getBytes(UTF_8))).error())
                .isEqualTo(MappingError.LIMIT_EXCEEDED);
    }

    @Test
    void aStringLongerThanTheLimitIsRabtM008() {
        String json = "{\"resourceType\":\"Bundle\",\"id\":\"" + "a".repeat(JsonLimits.MAX_STRING_LENGTH + 1) + "\"}";

        assertThat(refusal(() -> format.toCpm(json.getBytes(UTF_8))).error()).isEqualTo(MappingError.LIMIT_EXCEEDED);
    }

    @Test
    void aBundleWithTenThousandEntriesIsRabtM008OnBundleEntry() {
        MappingException e = refusal(() -> format.toCpm(bundleWithEntries(10_000).getBytes(UTF_8)));

        assertThat(e.error()).isEqualTo(MappingError.LIMIT_EXCEEDED);
        assertThat(e.field()).isEqualTo("Bundle.entry");
        assertThat(e.detail()).contains(String.valueOf(StrictFhirJson.MAX_BUNDLE_ENTRIES));
    }

    @Test
    void aBundleAtTheEntryLimitGetsPastTheLimitsToFhirsOwnChecks() {
        MappingException e = refusal(() -> format.toCpm(bundleWithEntries(StrictFhirJson.MAX_BUNDLE_ENTRIES)
                .getBytes(UTF_8)));

        assertThat(e.error()).isNotEqualTo(MappingError.LIMIT_EXCEEDED);
    }

    @Test
    void theExamplesAreWithinTheLimits() {
        assertThat(format.toCpm(HealthExamples.example(HealthExamples.PROSECUTOR))).isNotNull();
    }
}
