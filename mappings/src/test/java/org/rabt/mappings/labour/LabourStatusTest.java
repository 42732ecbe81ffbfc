package org.rabt.mappings.labour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.labour.LabourCards.FORMAT;
import static org.rabt.mappings.labour.LabourCards.NOT_COMPETENT;
import static org.rabt.mappings.labour.LabourCards.WITHDRAWN;
import static org.rabt.mappings.labour.LabourCards.example;
import static org.rabt.mappings.labour.LabourCards.schema;

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

/** Status reports in the inspectors' words. */
class LabourStatusTest {

    @Test
    void aChildWithdrawnCompletesTheReferralWithTheInspectorsObservations() {
        StatusReport report = FORMAT.readStatus(example(WITHDRAWN));

        assertThat(report.cardId()).isEqualTo(UUID.fromString("c150f3fa-af5b-4ce4-aa81-ce4d96efa3f5"));
        assertThat(report.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(report.businessStatus()).isEqualTo("enfant-retire");
        assertThat(report.reason()).startsWith("Mineur de 15 ans retiré le 26/11/2026");
    }

    @Test
    void aCaseOutsideTheInspectionsRemitRejectsTheReferralSayingWhy() {
        StatusReport report = FORMAT.readStatus(example(NOT_COMPETENT));

        assertThat(report.status()).isEqualTo(TaskStatus.REJECTED);
        assertThat(report.businessStatus()).isEqualTo("hors-competence");
        assertThat(report.reason()).contains("aucune relation de travail");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "recu, RECEIVED",
            "affecte, ACCEPTED",
            "enquete-en-cours, IN_PROGRESS",
            "en-attente, ON_HOLD",
            "enfant-retire, COMPLETED",
            "non-constate, COMPLETED",
            "enfant-introuvable, FAILED",
            "hors-competence, REJECTED",
            "classe, CANCELLED"})
    void eachWordOfTheInspectorsMapsToItsReferralStatus(String word, TaskStatus expected) {
        StatusReport report = FORMAT.readStatus(status(word, "Observations de l'inspecteur."));

        assertThat(report.status()).isEqualTo(expected);
        assertThat(report.businessStatus()).isEqualTo(word);
    }

    @Test
    void theVocabularyIsExactlyTheSchemas() {
        assertThat(schema(LabourFormat.STATUS_SCHEMA).at("/properties/statut/enum").valueStream()
                .map(node -> node.asString()).toList())
                .containsExactlyElementsOf(Arrays.stream(StatutInspection.values()).map(StatutInspection::code).toList());
    }

    @ParameterizedTest
    @CsvSource({"hors-competence", "enfant-introuvable", "classe"})
    void aRefusalAFailureOrAClosingWithoutObservationsIsRefused(String word) {
        assertThatThrownBy(() -> FORMAT.readStatus(status(word, null)))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
                    assertThat(e.field()).isEqualTo("/observations");
                });
    }

    @Test
    void progressNeedsNoObservations() {
        StatusReport report = FORMAT.readStatus(status("enquete-en-cours", null));

        assertThat(report.reason()).isNull();
    }

    @Test
    void aWordOutsideTheVocabularyIsASchemaViolation() {
        assertThatThrownBy(() -> FORMAT.readStatus(status("termine", null)))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.code()).isEqualTo("RABT-M007");
                    assertThat(e.field()).isEqualTo("/statut");
                });
    }

    @Test
    void aStatusWithoutItsDateIsASchemaViolation() {
        byte[] body = """
                {"identifiantCarte": "c150f3fa-af5b-4ce4-aa81-ce4d96efa3f5", "statut": "recu"}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FORMAT.readStatus(body)).isInstanceOfSatisfying(MappingException.class, e -> {
            assertThat(e.code()).isEqualTo("RABT-M007");
            assertThat(e.detail()).contains("dateStatut");
        });
    }

    private static byte[] status(String word, String observations) {
        String members = "\"identifiantCarte\": \"c150f3fa-af5b-4ce4-aa81-ce4d96efa3f5\", \"statut\": \"" + word
                + "\", \"dateStatut\": \"2026-11-28T09:00:00+01:00\""
                + (observations == null ? "" : ", \"observations\": \"" + observations + "\"");
        return ("{" + members + "}").getBytes(StandardCharsets.UTF_8);
    }
}
