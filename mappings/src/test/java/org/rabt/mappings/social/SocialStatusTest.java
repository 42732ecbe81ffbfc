package org.rabt.mappings.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.social.SocialCards.FORMAT;
import static org.rabt.mappings.social.SocialCards.FAMILY_UNREACHABLE;
import static org.rabt.mappings.social.SocialCards.TAKEN_ON;
import static org.rabt.mappings.social.SocialCards.example;
import static org.rabt.mappings.social.SocialCards.schema;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.TaskStatus;

/** Status reports in the social workers' words. */
class SocialStatusTest {

    @Test
    void aCaseTakenOnAcceptsTheReferralWithTheNextStep() {
        StatusReport report = FORMAT.readStatus(example(TAKEN_ON));

        assertThat(report.cardId()).isEqualTo(UUID.fromString("7ec0bce0-f883-4b23-8118-5d54091fce2d"));
        assertThat(report.status()).isEqualTo(TaskStatus.ACCEPTED);
        assertThat(report.businessStatus()).isEqualTo("pris-en-charge");
        assertThat(report.reason()).contains("visite à domicile prévue le 10/12/2026");
    }

    @Test
    void aFamilyThatCannotBeFoundFailsTheReferralSayingWhatWasTried() {
        StatusReport report = FORMAT.readStatus(example(FAMILY_UNREACHABLE));

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.businessStatus()).isEqualTo("famille-injoignable");
        assertThat(report.reason()).startsWith("Trois visites à l'adresse indiquée");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "recu, RECEIVED",
            "pris-en-charge, ACCEPTED",
            "enquete-sociale-en-cours, IN_PROGRESS",
            "accompagnement-en-cours, IN_PROGRESS",
            "en-attente-place, ON_HOLD",
            "accompagnement-termine, COMPLETED",
            "famille-injoignable, FAILED",
            "hors-mission, REJECTED",
            "classe, CANCELLED"})
    void eachWordOfTheSocialWorkersMapsToItsReferralStatus(String word, TaskStatus expected) {
        StatusReport report = FORMAT.readStatus(status(word, "Observations de l'assistante sociale."));

        assertThat(report.status()).isEqualTo(expected);
        assertThat(report.businessStatus()).isEqualTo(word);
    }

    @Test
    void theVocabularyIsExactlyTheSchemas() {
        assertThat(schema(SocialFormat.STATUS_SCHEMA).at("/properties/statut/enum").valueStream()
                .map(node -> node.asString()).toList())
                .containsExactlyElementsOf(Arrays.stream(StatutSocial.values()).map(StatutSocial::code).toList());
    }

    @ParameterizedTest
    @CsvSource({"hors-mission", "famille-injoignable", "classe"})
    void aRefusalAFailureOrAClosingWithoutObservationsIsRefused(String word) {
        assertThatThrownBy(() -> FORMAT.readStatus(status(word, null)))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
                    assertThat(e.field()).isEqualTo("/observations");
                });
    }

    @Test
    void progressNeedsNoObservations() {
        StatusReport report = FORMAT.readStatus(status("enquete-sociale-en-cours", null));

        assertThat(report.reason()).isNull();
    }

    @Test
    void aWordOutsideTheVocabularyIsASchemaViolation() {
        assertThatThrownBy(() -> FORMAT.readStatus(status("cloture", null)))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.code()).isEqualTo("RABT-M007");
                    assertThat(e.field()).isEqualTo("/statut");
                });
    }

    @Test
    void aStatusWithoutItsDateIsASchemaViolation() {
        byte[] body = """
                {"identifiantCarte": "7ec0bce0-f883-4b23-8118-5d54091fce2d", "statut": "recu"}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FORMAT.readStatus(body)).isInstanceOfSatisfying(MappingException.class, e -> {
            assertThat(e.code()).isEqualTo("RABT-M007");
            assertThat(e.detail()).contains("dateStatut");
        });
    }

    private static byte[] status(String word, String observations) {
        String members = "\"identifiantCarte\": \"7ec0bce0-f883-4b23-8118-5d54091fce2d\", \"statut\": \"" + word
                + "\", \"dateStatut\": \"2026-12-08T09:00:00+01:00\""
                + (observations == null ? "" : ", \"observations\": \"" + observations + "\"");
        return ("{" + members + "}").getBytes(StandardCharsets.UTF_8);
    }
}
