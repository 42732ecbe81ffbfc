package org.rabt.mappings.concerns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.health.HealthExamples;

class ConcernCatalogueTest {

    private static final Pattern ARABIC_LETTERS = Pattern.compile("[\\u0621-\\u064A ]+");
    private static final Pattern LATIN_TEXT = Pattern.compile("[\\p{IsLatin} '’-]+");

    @Nested
    class EveryCode {

        @ParameterizedTest
        @EnumSource(ConcernCode.class)
        void hasAnArabicAFrenchAndAnEnglishLabelEachInItsScript(ConcernCode code) {
            ConcernCatalogue.Entry entry = ConcernCatalogue.entry(code);

            assertThat(entry.arabic()).as("ar").matches(ARABIC_LETTERS).isNotBlank();
            assertThat(entry.french()).as("fr").matches(LATIN_TEXT).isNotBlank();
            assertThat(entry.english()).as("en").matches(LATIN_TEXT).isNotBlank();
            assertThat(List.of("ar", "fr", "en")).extracting(language -> ConcernCatalogue.label(code, language))
                    .containsExactly(entry.arabic(), entry.french(), entry.english());
        }

        @ParameterizedTest
        @EnumSource(ConcernCode.class)
        void hasAnIcvacCategoryAndAPrimeroConcern(ConcernCode code) {
            ConcernCatalogue.Entry entry = ConcernCatalogue.entry(code);

            assertThat(entry.icvac()).isNotNull().isEqualTo(ConcernCatalogue.icvac(code));
            assertThat(entry.primero()).isNotNull().isEqualTo(ConcernCatalogue.primero(code));
        }

        @Test
        void labelsAreDistinctInEachLanguageSoNoTwoCodesReadTheSame() {
            for (String language : List.of("ar", "fr", "en")) {
                Set<String> labels = Arrays.stream(ConcernCode.values())
                        .map(code -> ConcernCatalogue.label(code, language)).collect(Collectors.toSet());
                assertThat(labels).as(language).hasSize(ConcernCode.values().length);
            }
        }

        @Test
        void theCatalogueListsEveryCodeOnceInTheEnumsOrder() {
            assertThat(ConcernCatalogue.entries()).extracting(ConcernCatalogue.Entry::code)
                    .containsExactly(ConcernCode.values());
        }

        @Test
        void aLanguageWithoutLabelsIsAProgrammingError() {
            assertThatThrownBy(() -> ConcernCatalogue.label(ConcernCode.NEGLECT, "es"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Mappings {

        @Test
        void theFormsOfViolenceOfIcvacMapToTheirOwnCategory() {
            assertThat(ConcernCatalogue.icvac(ConcernCode.PHYSICAL_VIOLENCE)).isEqualTo(IcvacCategory.PHYSICAL_VIOLENCE);
            assertThat(ConcernCatalogue.icvac(ConcernCode.SEXUAL_VIOLENCE)).isEqualTo(IcvacCategory.SEXUAL_VIOLENCE);
            assertThat(ConcernCatalogue.icvac(ConcernCode.PSYCHOLOGICAL_VIOLENCE))
                    .isEqualTo(IcvacCategory.PSYCHOLOGICAL_VIOLENCE);
            assertThat(ConcernCatalogue.icvac(ConcernCode.NEGLECT)).isEqualTo(IcvacCategory.NEGLECT);
        }

        @Test
        void sexualExploitationIsSexualViolenceInIcvacAndSexuallyExploitedInPrimero() {
            assertThat(ConcernCatalogue.icvac(ConcernCode.SEXUAL_EXPLOITATION)).isEqualTo(IcvacCategory.SEXUAL_VIOLENCE);
            assertThat(ConcernCatalogue.primero(ConcernCode.SEXUAL_EXPLOITATION))
                    .isEqualTo(PrimeroConcern.SEXUALLY_EXPLOITED);
        }

        @Test
        void theMaskedProtectionConcernRevealsNothingInEitherMapping() {
            assertThat(ConcernCatalogue.icvac(ConcernCode.PROTECTION_CONCERN)).isEqualTo(IcvacCategory.OTHER);
            assertThat(ConcernCatalogue.primero(ConcernCode.PROTECTION_CONCERN)).isEqualTo(PrimeroConcern.OTHER);
        }

        @Test
        void childLabourTraffickingAndStreetSituationsHavePrimerosOwnValues() {
            assertThat(ConcernCatalogue.primero(ConcernCode.CHILD_LABOUR))
                    .isEqualTo(PrimeroConcern.WORST_FORMS_OF_CHILD_LABOR);
            assertThat(ConcernCatalogue.primero(ConcernCode.TRAFFICKING)).isEqualTo(PrimeroConcern.TRAFFICKED_SMUGGLED);
            assertThat(ConcernCatalogue.primero(ConcernCode.STREET_SITUATION)).isEqualTo(PrimeroConcern.STREET_CHILD);
        }

        @Test
        void primeroIdsAreThoseOfItsLookup() {
            assertThat(PrimeroConcern.values()).extracting(PrimeroConcern::id)
                    .allMatch(id -> id.matches("[a-z_]+"))
                    .contains("sexually_exploited", "gbv_survivor", "physically_or_mentally_abused", "other");
        }
    }

    /** The FHIR CodeSystem on the class path says exactly what the catalogue says. */
    @Nested
    class TheFhirCodeSystem {

        private final CodeSystem codeSystem = codeSystem();

        private static CodeSystem codeSystem() {
            try (InputStream in = ConcernCatalogue.class.getResourceAsStream(ConcernCatalogue.CODE_SYSTEM_RESOURCE)) {
                assertThat(in).as(ConcernCatalogue.CODE_SYSTEM_RESOURCE).isNotNull();
                return HealthExamples.r4().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                        .parseResource(CodeSystem.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void isTheConcernSystemOfTheProfileAndComplete() {
            assertThat(codeSystem.getUrl()).isEqualTo(ConcernCode.SYSTEM);
            assertThat(codeSystem.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
            assertThat(codeSystem.getCount()).isEqualTo(ConcernCode.values().length);
        }

        @Test
        void hasEveryCodeWithItsThreeLabelsAndBothMappings() {
            assertThat(codeSystem.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                    .containsExactly(Arrays.stream(ConcernCode.values()).map(ConcernCode::code).toArray(String[]::new));
            for (CodeSystem.ConceptDefinitionComponent concept : codeSystem.getConcept()) {
                ConcernCatalogue.Entry entry = ConcernCatalogue.entry(ConcernCode.fromCode(concept.getCode()));
                assertThat(concept.getDisplay()).as(concept.getCode()).isEqualTo(entry.french());
                assertThat(concept.getDesignation()).as(concept.getCode())
                        .extracting(d -> d.getLanguage() + " " + d.getValue())
                        .containsExactly("ar " + entry.arabic(), "fr " + entry.french(), "en " + entry.english());
                assertThat(concept.getProperty()).as(concept.getCode())
                        .extracting(p -> p.getCode() + " " + p.getValueCodeType().getCode())
                        .containsExactly("icvac " + entry.icvac().code(), "primero " + entry.primero().id());
            }
        }

        @Test
        void isValidR4() {
            assertThatCode(() -> HealthExamples.validator().validate(codeSystem)).doesNotThrowAnyException();
        }
    }

    /** docs/concerns.md is the catalogue for people: its table must not drift from the code. */
    @Nested
    class TheDocumentation {

        private static final Path DOC = Path.of("..", "docs", "concerns.md");
        private static final Pattern ROW = Pattern.compile(
                "^\\| `([a-z-]+)` \\| (.+?) \\| (.+?) \\| (.+?) \\| (\\d) .+? \\| `([a-z_]+)` \\|$", Pattern.MULTILINE);

        @Test
        void hasOneRowPerCodeWithTheCataloguesLabelsAndMappings() throws IOException {
            Map<String, String> rows = new LinkedHashMap<>();
            Matcher row = ROW.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
            while (row.find()) {
                rows.put(row.group(1), String.join("|", row.group(2), row.group(3), row.group(4), row.group(5),
                        row.group(6)));
            }

            Map<String, String> expected = new LinkedHashMap<>();
            for (ConcernCatalogue.Entry entry : ConcernCatalogue.entries()) {
                expected.put(entry.code().code(), String.join("|", entry.arabic(), entry.french(), entry.english(),
                        entry.icvac().code(), entry.primero().id()));
            }
            assertThat(rows).isEqualTo(expected);
        }
    }
}
