package org.rabt.mappings.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.education.EducationFormat;
import org.rabt.mappings.freeline.FreelineFormat;
import org.rabt.mappings.gendarmerie.GendarmerieFormat;
import org.rabt.mappings.labour.LabourFormat;
import org.rabt.mappings.police.PoliceFormat;
import org.rabt.mappings.social.SocialFormat;

/** Every JSON a sector sends is refused past the hub's limits with RABT-M008, before it is built. */
class JsonLimitsTest {

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String objectWithString(int length) {
        return "{\"texte\":\"" + "a".repeat(length) + "\"}";
    }

    static MappingException refusal(Runnable read) {
        return catchThrowableOfType(MappingException.class, read::run);
    }

    @Nested
    class TheSharedReader {

        @Test
        void aTenThousandDeepDocumentIsRabtM008NamingTheDepth() {
            MappingException e = refusal(() -> SectorJson.tree(nested(10_000).getBytes(UTF_8)));

            assertThat(e.error()).isEqualTo(MappingError.LIMIT_EXCEEDED);
            assertThat(e.detail()).contains("nesting depth").contains(String.valueOf(JsonLimits.MAX_NESTING_DEPTH));
        }

        @Test
        void aDocumentAtTheDepthLimitIsRead() {
            assertThat(SectorJson.tree(nested(JsonLimits.MAX_NESTING_DEPTH).getBytes(UTF_8)).isArray()).isTrue();
        }

        @Test
        void aStringLongerThanTheLimitIsRabtM008WithoutQuotingIt() {
            MappingException e = refusal(() -> SectorJson.tree(
                    objectWithString(JsonLimits.MAX_STRING_LENGTH + 1).getBytes(UTF_8)));

            assertThat(e.error()).isEqualTo(MappingError.LIMIT_EXCEEDED);
            assertThat(e.detail()).contains("String value length").doesNotContain("aaaa");
        }

        @Test
        void aStringAtTheLimitIsRead() {
            assertThat(SectorJson.tree(objectWithString(JsonLimits.MAX_STRING_LENGTH).getBytes(UTF_8))
                    .path("texte").asString()).hasSize(JsonLimits.MAX_STRING_LENGTH);
        }

        @Test
        void aNumberWithMoreDigitsThanTheLimitIsRabtM008() {
            String json = "{\"n\":" + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "}";

            assertThat(refusal(() -> SectorJson.tree(json.getBytes(UTF_8))).error())
                    .isEqualTo(MappingError.LIMIT_EXCEEDED);
        }

        @Test
        void aLongMemberNameIsRabtM008() {
            String json = "{\"" + "n".repeat(JsonLimits.MAX_NAME_LENGTH + 1) + "\":1}";

            assertThat(refusal(() -> SectorJson.tree(json.getBytes(UTF_8))).error())
                    .isEqualTo(MappingError.LIMIT_EXCEEDED);
        }
    }

    static Stream<SectorFormat> jsonSectors() {
        return Stream.of(new EducationFormat(), new LabourFormat(), new PoliceFormat(), new GendarmerieFormat(),
                new SocialFormat(), new FreelineFormat());
    }

    @ParameterizedTest
    @MethodSource("jsonSectors")
    void everyJsonSectorsCardsAndStatusReportsAreHeldToTheLimits(SectorFormat format) {
        byte[] deep = ("{\"entete\":" + nested(10_000) + "}").getBytes(UTF_8);
        byte[] longText = objectWithString(JsonLimits.MAX_STRING_LENGTH + 1).getBytes(UTF_8);

        assertThat(refusal(() -> format.toCpm(deep)).error()).isEqualTo(MappingError.LIMIT_EXCEEDED);
        assertThat(refusal(() -> format.toCpm(longText)).error()).isEqualTo(MappingError.LIMIT_EXCEEDED);
        assertThat(refusal(() -> format.readStatus(deep)).error()).isEqualTo(MappingError.LIMIT_EXCEEDED);
    }
}
